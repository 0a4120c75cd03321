package dev.heddle.agent;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.lang.invoke.MethodHandles;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Gives the JDK's timed waits the simulation's virtual clock: rewrites every
 * {@code System.nanoTime()} and {@code System.currentTimeMillis()} call in the classes of
 * {@link JdkClockClasses} into the same call of {@value #DEFINED_NAME}, a copy of
 * {@link JdkClock} defined inside {@code java.base}, which the simulator answers with virtual
 * time on its tasks' threads and the real clock anywhere else. Nothing else in those classes
 * changes (the call has the same descriptor, so the stack map frames stay valid).
 *
 * <p>{@link #install} runs at the agent's start. The JDK's classes see only {@code java.base}
 * and the boot class path; appending to the boot class path makes the JVM print a warning
 * ("Sharing is only supported for boot loader classes...") in every test run, so the clock is
 * defined in {@code java.base} itself instead: {@link Instrumentation#redefineModule} opens
 * {@code jdk.internal.misc} to the agent, and a private lookup there defines the renamed copy
 * ({@link java.lang.invoke.MethodHandles.Lookup#defineClass}). That package is not exported, so the
 * copy adds nothing to the JDK's API; the simulator reaches it through
 * {@link HeddleAgent#installJdkClock}. Then the listed classes, most of them loaded already, are
 * retransformed. The classes rewritten are announced in {@value #PROPERTY}, comma-separated
 * binary names, which the simulator reads to know which timed waits last virtual time. A class
 * that cannot be rewritten is left as it is, with one line on standard error, and the simulator
 * then reports its timed waits instead of getting them wrong.
 */
final class JdkClockTransformer implements ClassFileTransformer {
    /** The property the simulator reads ({@code dev.heddle.sim.JdkTimedWaits.AGENT_PROPERTY}). */
    static final String PROPERTY = "dev.heddle.agent.jdkClockClasses";
    /** The binary name of the clock's copy in java.base. */
    static final String DEFINED_NAME = "jdk.internal.misc.HeddleJdkClock";
    private static final String PACKAGE = "jdk.internal.misc";
    private static final String SYSTEM = "java/lang/System";
    private static final String CLOCK = DEFINED_NAME.replace('.', '/');
    private static final String TEMPLATE = JdkClock.class.getName().replace('.', '/');

    /** Calls rewritten, per class (internal name); guarded by this. */
    private final Map<String, Integer> rewritten = new TreeMap<>();

    /**
     * Defines the clock in java.base and rewrites the listed classes; returns the clock's class.
     *
     * @throws IllegalStateException when the clock cannot be defined
     */
    static Class<?> install(Instrumentation instrumentation) {
        Class<?> clock = defineInJavaBase(instrumentation);
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
        System.setProperty(PROPERTY, String.join(",", transformer.rewritten().keySet().stream()
                .map(n -> n.replace('/', '.')).toList()));
        return clock;
    }

    /** The copy of {@link JdkClock} renamed {@value #DEFINED_NAME}, defined in java.base. */
    private static Class<?> defineInJavaBase(Instrumentation instrumentation) {
        String entry = TEMPLATE + ".class";
        try (InputStream bytes = JdkClockTransformer.class.getClassLoader().getResourceAsStream(entry)) {
            if (bytes == null) {
                throw new IllegalStateException("Heddle's agent jar lacks " + entry);
            }
            Module javaBase = Object.class.getModule();
            instrumentation.redefineModule(javaBase, Set.of(), Map.of(),
                    Map.of(PACKAGE, Set.of(JdkClockTransformer.class.getModule())), Set.of(), Map.of());
            Class<?> inPackage = Class.forName(PACKAGE + ".VM", false, null);
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(inPackage, MethodHandles.lookup());
            return lookup.defineClass(renamed(bytes.readAllBytes()));
        } catch (IOException | ReflectiveOperationException e) {
            throw new IllegalStateException("Heddle's agent cannot define its JDK clock in java.base: " + e, e);
        }
    }

    /** The template's class file with every mention of its own name changed to the copy's. */
    private static byte[] renamed(byte[] template) {
        ClassReader reader = new ClassReader(template);
        ClassWriter writer = new ClassWriter(0);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName,
                              String[] interfaces) {
                super.visit(version, access, CLOCK, signature, superName, interfaces);
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9, super.visitMethod(access, name, descriptor, signature,
                        exceptions)) {
                    @Override
                    public void visitFieldInsn(int opcode, String owner, String field, String desc) {
                        super.visitFieldInsn(opcode, owner.equals(TEMPLATE) ? CLOCK : owner, field, desc);
                    }

                    @Override
                    public void visitMethodInsn(int opcode, String owner, String method, String desc,
                                                boolean isInterface) {
                        super.visitMethodInsn(opcode, owner.equals(TEMPLATE) ? CLOCK : owner, method, desc,
                                isInterface);
                    }
                };
            }
        }, 0);
        return writer.toByteArray();
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
