package dev.heddle.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** The rewriting of the JDK's clock reads, on the JDK's own class files, without loading them. */
class JdkClockTransformerTest {
    private static final String CLOCK = JdkClockTransformer.DEFINED_NAME.replace('.', '/');

    private static byte[] jdkClassFile(String internalName) throws IOException {
        try (InputStream in = ClassLoader.getSystemResourceAsStream(internalName + ".class")) {
            assertNotNull(in, internalName);
            return in.readAllBytes();
        }
    }

    /** The {@code owner.name} of every static call of a clock in {@code bytes}. */
    private static List<String> clockCalls(byte[] bytes) {
        List<String> calls = new ArrayList<>();
        new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean itf) {
                        if (method.equals("nanoTime") || method.equals("currentTimeMillis")) {
                            calls.add(owner + "." + method);
                        }
                    }
                };
            }
        }, 0);
        return calls;
    }

    @Test
    void everyListedClassHasClockReadsAndAllAreRewritten() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (JdkClockClasses.JdkClass c : JdkClockClasses.ALL) {
            byte[] original = jdkClassFile(c.internalName());
            int reads = clockCalls(original).size();
            byte[] rewritten = new JdkClockTransformer().rewrite(c.internalName(), original);
            if (reads == 0 || rewritten == null) {
                wrong.add(c.internalName() + " has " + reads + " clock reads");
                continue;
            }
            List<String> after = clockCalls(rewritten);
            boolean allToTheClock = after.stream().allMatch(call -> call.startsWith(CLOCK + "."));
            if (after.size() != reads || !allToTheClock) {
                wrong.add(c.internalName() + " after rewriting: " + after);
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void theCountsPerClassAreKept() throws IOException {
        JdkClockTransformer transformer = new JdkClockTransformer();
        transformer.rewrite("java/util/concurrent/FutureTask", jdkClassFile("java/util/concurrent/FutureTask"));
        assertEquals(Map.of("java/util/concurrent/FutureTask", 2), transformer.rewritten());
    }

    @Test
    void classesOffTheListOrOfOtherLoadersAreLeftAlone() throws IOException {
        JdkClockTransformer transformer = new JdkClockTransformer();
        byte[] pool = jdkClassFile("java/util/concurrent/ForkJoinPool");
        assertNull(transformer.transform(null, "java/util/concurrent/ForkJoinPool", null, null, pool));
        byte[] futureTask = jdkClassFile("java/util/concurrent/FutureTask");
        assertNull(transformer.transform(getClass().getClassLoader(), "java/util/concurrent/FutureTask", null, null,
                futureTask));
        assertNotNull(transformer.transform(null, "java/util/concurrent/FutureTask", null, null, futureTask));
    }
}
