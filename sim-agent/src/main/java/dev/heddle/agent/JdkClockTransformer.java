package dev.heddle.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Gives the JDK's timed waits the simulation's virtual clock: rewrites every
 * {@code System.nanoTime()} and {@code System.currentTimeMillis()} call in the classes of
 * {@link JdkClockClasses} into the same call of {@link dev.heddle.agent.boot.JdkClock}, which the simulator answers
 * with virtual time on its tasks' threads and the real clock anywhere else. Nothing else in those
 * classes changes (the call has the same descriptor, so the stack map frames stay valid).
 *
 * <p>{@link #install} runs at the agent's start: it puts that class on the boot class path
 * (a small jar written for this JVM: java.base cannot see the class path), lets {@code java.base}
 * read the boot loader's unnamed module it lands in ({@link Instrumentation#redefineModule}), and
 * retransforms the listed classes, most of which the JVM has loaded already. The classes
 * rewritten are announced in {@value #PROPERTY}, comma-separated binary names, which the
 * simulator reads to know which timed waits last virtual time. A class that cannot be rewritten
 * is left as it is, with one line on standard error, and the simulator then reports its timed
 * waits instead of getting them wrong.
 */
final class JdkClockTransformer implements ClassFileTransformer {
    /** The property the simulator reads ({@code dev.heddle.sim.JdkTimedWaits.AGENT_PROPERTY}). */
    static final String PROPERTY = "dev.heddle.agent.jdkClockClasses";
    private static final String SYSTEM = "java/lang/System";
    /**
     * {@link dev.heddle.agent.boot.JdkClock}, by name only: naming its class object here would load
     * it from the class path before it is on the boot class path, a second copy no JDK class sees.
     */
    private static final String CLOCK = "dev/heddle/agent/boot/JdkClock";

    /** Calls rewritten, per class (internal name); guarded by this. */
    private final Map<String, Integer> rewritten = new TreeMap<>();

    /**
     * Installs the clock and rewrites the listed classes; returns the calls rewritten per class.
     *
     * @throws IllegalStateException when the boot jar cannot be written or the clock cannot be loaded from it
     */
    static Map<String, Integer> install(Instrumentation instrumentation) {
        Class<?> clock = putOnBootClassPath(instrumentation);
        Module javaBase = Object.class.getModule();
        instrumentation.redefineModule(javaBase, Set.of(clock.getModule()), Map.of(), Map.of(), Set.of(), Map.of());
        JdkClockTransformer transformer = new JdkClockTransformer();
        instrumentation.addTransformer(transformer, true);
        List<Class<?>> classes = new ArrayList<>();
        for (JdkClockClasses.JdkClass c : JdkClockClasses.ALL) {
            String name = c.internalName().replace('/', '.');
            try {
                classes.add(Class.forName(name, false, null));
            } catch (ClassNotFoundException e) {
                System.err.println("Heddle's agent: the JDK has no " + name + "; its timed waits, if any, keep the"
                        + " real clock");
            }
        }
        for (Class<?> c : classes) {
            try {
                instrumentation.retransformClasses(c);
            } catch (UnmodifiableClassException | RuntimeException | LinkageError e) {
                System.err.println("Heddle's agent: could not give " + c.getName() + " the virtual clock; its timed"
                        + " waits are reported in simulation: " + e);
            }
        }
        Map<String, Integer> done = transformer.rewritten();
        System.setProperty(PROPERTY, String.join(",", done.keySet().stream()
                .map(n -> n.replace('/', '.')).toList()));
        return done;
    }

    /** The clock's class, loaded by the boot loader from a jar of its own. */
    private static Class<?> putOnBootClassPath(Instrumentation instrumentation) {
        String entry = CLOCK + ".class";
        try (InputStream bytes = JdkClockTransformer.class.getClassLoader().getResourceAsStream(entry)) {
            if (bytes == null) {
                throw new IllegalStateException("Heddle's agent jar lacks " + entry);
            }
            Path jar = Files.createTempFile("heddle-jdk-clock-", ".jar");
            jar.toFile().deleteOnExit();
            try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out)) {
                jarOut.putNextEntry(new JarEntry(entry));
                bytes.transferTo(jarOut);
                jarOut.closeEntry();
            }
            instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(jar.toFile()));
            Class<?> clock = Class.forName(CLOCK.replace('/', '.'), true, null);
            if (clock.getClassLoader() != null) {
                throw new IllegalStateException(clock + " was loaded by " + clock.getClassLoader()
                        + ", not the boot loader");
            }
            return clock;
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("Heddle's agent cannot put its JDK clock on the boot class path: " + e, e);
        }
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        if (loader != null || className == null || !JdkClockClasses.contains(className)) {
            return null;
        }
        try {
            return rewrite(className, classfileBuffer);
        } catch (RuntimeException | LinkageError e) {
            System.err.println("Heddle's agent: could not give " + className.replace('/', '.')
                    + " the virtual clock: " + e);
            return null;
        }
    }

    /** {@code bytes} of class {@code className} with its clock calls rewritten; null when it has none. */
    byte[] rewrite(String className, byte[] bytes) {
        ClassReader reader = new ClassReader(bytes);
        ClassWriter writer = new ClassWriter(reader, 0);
        int[] count = {0};
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9, super.visitMethod(access, name, descriptor, signature,
                        exceptions)) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String method, String desc,
                                                boolean isInterface) {
                        boolean clockRead = opcode == Opcodes.INVOKESTATIC && owner.equals(SYSTEM) && desc.equals("()J")
                                && (method.equals("nanoTime") || method.equals("currentTimeMillis"));
                        if (clockRead) {
                            count[0]++;
                            super.visitMethodInsn(opcode, CLOCK, method, desc, false);
                        } else {
                            super.visitMethodInsn(opcode, owner, method, desc, isInterface);
                        }
                    }
                };
            }
        }, 0);
        if (count[0] == 0) {
            return null;
        }
        synchronized (this) {
            rewritten.put(className, count[0]);
        }
        return writer.toByteArray();
    }

    /** The calls rewritten so far, per class. */
    synchronized Map<String, Integer> rewritten() {
        return new TreeMap<>(rewritten);
    }
}
