package dev.heddle.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.agent.test.Counter;
import dev.heddle.agent.test.Flag;
import dev.heddle.agent.test.Mailbox;
import dev.heddle.agent.test.Readings;
import dev.heddle.agent.test.Registry;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The transformer on class files, without an agent: what it inserts, where, and that the
 * instrumented classes verify and behave as before outside a simulation.
 */
class PointsTransformerTest {
    /** The JDK classes whose calls {@link #calls} lists too: those of time and randomness. */
    private static final Set<String> TIME_AND_RANDOM = Set.of("java/lang/System", "java/lang/Math", "java/time/Instant",
            "java/time/Clock", "java/time/LocalDate", "java/time/LocalDateTime", "java/time/Year", "java/util/Random",
            "java/util/SplittableRandom",
            "java/util/UUID", "java/util/concurrent/ThreadLocalRandom");
    private static final InstrumentedPackages PACKAGES = new InstrumentedPackages(List.of("dev.heddle.agent.test"));
    private final PointsTransformer transformer = new PointsTransformer(PACKAGES);

    @Test
    void aPlainReadAndWriteEachGetAPointNamingTheFieldAndTheLine() throws IOException {
        List<String> calls = calls(Counter.class, "increment");
        String at = "dev.heddle.agent.test.Counter.increment(Counter.java:";
        // count is read and written; step is final, no shared state.
        assertEquals(2, calls.size(), calls.toString());
        assertTrue(calls.get(0).startsWith("point " + at) && calls.get(0).endsWith(") read dev.heddle.agent.test"
                + ".Counter.count"), calls.toString());
        assertTrue(calls.get(1).startsWith("point " + at) && calls.get(1).endsWith(") write dev.heddle.agent.test"
                + ".Counter.count"), calls.toString());
    }

    @Test
    void arraysAtomicsMonitorsAndLoopsGetPoints() throws IOException {
        // cells itself is final: only its element is shared.
        assertEquals(List.of("read int[]", "write int[]"), actions(calls(Counter.class, "incrementCell"), ""));
        assertEquals(List.of("call java.util.concurrent.atomic.AtomicInteger.get",
                "call java.util.concurrent.atomic.AtomicInteger.set"),
                actions(calls(Counter.class, "incrementAtomicWithGetAndSet"), "call "));
        List<String> block = calls(Counter.class, "incrementInBlock");
        assertTrue(block.indexOf("monitorEntered") > 0 && block.get(block.indexOf("monitorEntered") - 1)
                .endsWith("enter monitor"), block.toString());
        assertTrue(block.stream().anyMatch(c -> c.startsWith("monitorExited ") && c.endsWith("exit monitor")));
        List<String> method = calls(Counter.class, "incrementSynchronized");
        assertEquals("monitorEntered", method.getFirst(), method.toString());
        assertEquals(List.of("leavingSynchronizedMethod", "leavingSynchronizedMethod"),
                method.stream().filter(c -> c.startsWith("leaving")).toList(), "on return, and in the handler");
        assertTrue(calls(Flag.class, "spinForever").stream().anyMatch(c -> c.endsWith(" loop")));
        String synchronizedMethod = "dev.heddle.agent.test.Counter.incrementSynchronized";
        assertEquals(List.of("call " + synchronizedMethod, "return from " + synchronizedMethod, "call "
                + synchronizedMethod, "return from " + synchronizedMethod),
                actions(calls(Counter.class, "incrementSynchronizedTwice"), ""));
    }

    /** The JDK's concurrent and synchronized collections hide their accesses: the calls are the points. */
    @Test
    void callsOnSharedCollectionsGetPoints() throws IOException {
        assertEquals(List.of("call java.util.Map.containsKey", "call java.util.Map.put"),
                actions(calls(Registry.class, "claimSynchronized"), "call "));
        assertEquals(List.of("call java.util.Map.get", "call java.util.Map.put"),
                actions(calls(Registry.class, "claimConcurrent"), "call "));
    }

    @Test
    void theJdkCallsAreRewritten() throws IOException {
        assertTrue(calls(Mailbox.class, "take").contains("JdkCalls.waitOn"));
        assertTrue(calls(Mailbox.class, "receive").contains("JdkCalls.await"));
        List<String> parker = calls(Mailbox.class, "startParker");
        assertTrue(parker.contains("ThreadCalls.start"), parker.toString());
        List<String> lambda = calls(Mailbox.class, "lambda$startParker$0");
        assertEquals(List.of("JdkCalls.yield", "JdkCalls.park"), lambda, lambda.toString());
    }

    /** A constructor's body before super() is not shared yet; the static initializer never is. */
    @Test
    void readsOfTimeAndRandomnessAreRewritten() throws IOException {
        assertEquals(List.of("TimeAndRandomCalls.nanoTime"), rewritten("nanoTime"));
        assertEquals(List.of("TimeAndRandomCalls.currentTimeMillis"), rewritten("currentTimeMillis"));
        assertEquals(List.of("TimeAndRandomCalls.instantNow"), rewritten("instantNow"));
        assertEquals(List.of("TimeAndRandomCalls.systemUTC", "Clock.instant()Ljava/time/Instant;"),
                rewritten("utcClock"));
        assertEquals(List.of("TimeAndRandomCalls.systemDefaultZone", "Clock.instant()Ljava/time/Instant;"),
                rewritten("defaultZoneClock"));
        assertEquals(List.of("TimeAndRandomCalls.localDateTimeNow"), rewritten("localDateTimeNow"));
        assertEquals(List.of("TimeAndRandomCalls.randomUUID"), rewritten("uuid"));
        assertEquals(List.of("TimeAndRandomCalls.mathRandom"), rewritten("mathRandom"));
        // ThreadLocalRandom is final: current() stays, the draw on it is replaced.
        assertEquals(List.of("ThreadLocalRandom.current()Ljava/util/concurrent/ThreadLocalRandom;",
                "TimeAndRandomCalls.nextInt"), rewritten("threadLocalInt"));
        assertEquals(List.of("TimeAndRandomCalls.randomSeed", "Random.<init>(J)V", "Random.nextLong()J"),
                rewritten("unseededRandomLong"));
        assertEquals(List.of("TimeAndRandomCalls.localDateNow"), rewritten("localDateNow"));
        assertEquals(List.of("TimeAndRandomCalls.randomSeed", "SplittableRandom.<init>(J)V",
                "SplittableRandom.nextLong()J"), rewritten("unseededSplittableLong"));
        // A JDK method that reads the clock in the JDK's own code is called as it is.
        assertEquals(List.of("Year.now()Ljava/time/Year;"), rewritten("yearNow"));
    }

    /** The calls but the scheduling points in {@code method} of the instrumented {@link Readings}. */
    private List<String> rewritten(String method) throws IOException {
        return calls(Readings.class, method).stream().filter(c -> !c.startsWith("point ")).toList();
    }

    /** {@code new Random()} rewritten to {@code new Random(seed)} verifies, with the seed's two words on the stack. */
    @Test
    void rewrittenReadsVerifyAndReadTheMachineOutsideASimulation() throws Exception {
        Class<?> readings = new InstrumentingLoader(getClass().getClassLoader()).loadClass(Readings.class.getName());
        assertNotEquals(readings.getMethod("unseededRandomLong").invoke(null),
                readings.getMethod("unseededRandomLong").invoke(null));
        long before = System.nanoTime();
        long read = (long) readings.getMethod("nanoTime").invoke(null);
        assertTrue(read >= before && read <= System.nanoTime(), read + " after " + before);
    }

    @Test
    void noPointBeforeSuperNorInTheStaticInitializer() throws IOException {
        List<String> constructor = calls(Counter.class, "<init>");
        assertTrue(constructor.stream().noneMatch(c -> c.contains("step")), constructor.toString());
    }

    @Test
    void theJdkAndHeddlesOwnClassesAreLeftAsTheyAre() throws IOException {
        assertNull(transformer.transform(ClassLoader.getSystemClassLoader(), "java/util/ArrayList", null, null,
                bytes(java.util.ArrayList.class)));
        assertNull(transformer.transform(ClassLoader.getSystemClassLoader(), "dev/heddle/sim/Simulation", null,
                null, bytes(dev.heddle.sim.Simulation.class)));
        assertNull(transformer.transform(null, "dev/heddle/agent/test/Counter", null, null, bytes(Counter.class)),
                "a class of the bootstrap loader");
        assertTrue(transformer.transform(getClass().getClassLoader(), "dev/heddle/agent/test/Counter", null, null,
                bytes(Counter.class)) != null);
    }

    /** Outside a simulation every point does nothing: the classes verify, and behave as before. */
    @Test
    void instrumentedClassesVerifyAndBehaveAsBefore() throws Exception {
        ClassLoader loader = new InstrumentingLoader(getClass().getClassLoader());
        Class<?> counter = loader.loadClass(Counter.class.getName());
        Object c = counter.getConstructor(int.class).newInstance(2);
        for (String m : List.of("increment", "incrementSynchronized", "incrementInBlock", "incrementCell",
                "incrementAtomicWithGetAndSet")) {
            counter.getMethod(m).invoke(c);
        }
        assertEquals(6, counter.getMethod("get").invoke(c));
        assertEquals(2, counter.getMethod("cell").invoke(c));
        assertEquals(2, counter.getMethod("atomic").invoke(c));

        Class<?> mailbox = loader.loadClass(Mailbox.class.getName());
        Object box = mailbox.getConstructor().newInstance();
        Thread poster = Thread.ofPlatform().start(() -> invoke(mailbox, "post", box, "letter"));
        Thread sender = Thread.ofPlatform().start(() -> invoke(mailbox, "send", box, "parcel"));
        assertEquals("letter", mailbox.getMethod("take").invoke(box));
        assertEquals("parcel", mailbox.getMethod("receive").invoke(box));
        poster.join();
        sender.join();
        Thread parker = (Thread) mailbox.getMethod("startParker").invoke(null);
        while (parker.getState() != Thread.State.WAITING) {
            Thread.onSpinWait();
        }
        LockSupport.unpark(parker);
        parker.join();
    }

    private static void invoke(Class<?> type, String method, Object target, String argument) {
        try {
            type.getMethod(method, String.class).invoke(target, argument);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** Loads the classes of dev.heddle.agent.test itself, instrumented, and leaves the rest to its parent. */
    private final class InstrumentingLoader extends ClassLoader {
        InstrumentingLoader(ClassLoader parent) {
            super(parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                if (!name.startsWith("dev.heddle.agent.test.")) {
                    return super.loadClass(name, resolve);
                }
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                        byte[] b = transformer.instrument(this, in.readAllBytes());
                        c = defineClass(name, b, 0, b.length);
                    } catch (IOException e) {
                        throw new ClassNotFoundException(name, e);
                    }
                }
                return c;
            }
        }
    }

    private static byte[] bytes(Class<?> c) throws IOException {
        try (InputStream in = ClassLoader.getSystemResourceAsStream(c.getName().replace('.', '/') + ".class")) {
            return in.readAllBytes();
        }
    }

    /**
     * The calls to SchedulingPoints, JdkCalls, TimeAndRandomCalls and the JDK's time and
     * randomness in {@code method} of the instrumented {@code type}, in order.
     */
    private List<String> calls(Class<?> type, String method) throws IOException {
        byte[] instrumented = transformer.instrument(getClass().getClassLoader(), bytes(type));
        List<String> calls = new ArrayList<>();
        new ClassReader(instrumented).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                if (!name.equals(method)) {
                    return null;
                }
                return new MethodVisitor(Opcodes.ASM9) {
                    private String lastConstant;

                    @Override
                    public void visitLdcInsn(Object value) {
                        lastConstant = value instanceof String s ? s : null;
                    }

                    @Override
                    public void visitMethodInsn(int opcode, String owner, String name, String descriptor,
                                                boolean isInterface) {
                        if (owner.equals("dev/heddle/sim/instrument/SchedulingPoints")) {
                            calls.add(descriptor.startsWith("(Ljava/lang/String;") ? name + " " + lastConstant : name);
                        } else if (owner.equals("dev/heddle/sim/instrument/JdkCalls")) {
                            calls.add("JdkCalls." + name);
                        } else if (owner.equals("dev/heddle/sim/instrument/ThreadCalls")) {
                            calls.add("ThreadCalls." + name);
                        } else if (owner.equals("dev/heddle/sim/instrument/TimeAndRandomCalls")) {
                            calls.add("TimeAndRandomCalls." + name);
                        } else if (TIME_AND_RANDOM.contains(owner)) {
                            calls.add(owner.substring(owner.lastIndexOf('/') + 1) + "." + name + descriptor);
                        }
                    }
                };
            }
        }, 0);
        return calls;
    }

    /** The actions (the text after the site's frame) of the points whose action contains {@code part}. */
    private static List<String> actions(List<String> calls, String part) {
        return calls.stream().filter(c -> c.startsWith("point ")).map(c -> c.substring(c.indexOf(") ") + 2))
                .filter(a -> a.contains(part)).toList();
    }
}
