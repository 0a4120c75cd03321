package dev.heddle.agent;

import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Instruments one method: a call to {@code SchedulingPoints.point(site)} before each read and
 * write of a non-final field and of an array element, before each call on a shared object of
 * the JDK's ({@code isSharedMemoryCall}: atomics, locks and the rest of
 * {@code java.util.concurrent}, {@code java.util}'s collections, a {@code VarHandle} access),
 * before each {@code monitorenter} and each call of a {@code synchronized} method, after each
 * {@code monitorexit} and each return from a {@code synchronized} method, and on each backward
 * jump (a loop's back-edge); the monitor's depth counted after {@code monitorenter}, at a
 * {@code synchronized} method's entry, and on its way out; and the JDK calls of
 * {@link JdkCallSites} replaced.
 *
 * <p>Every insertion is a constant string and a static call, which touches neither {@code this}
 * nor any frame's types: the stack map frames stay valid as they are, and nothing needs loading
 * to recompute them. The one new branch target, the handler that counts a {@code synchronized}
 * method's monitor released when an exception leaves it, is placed after the method's code and
 * registered last, so every handler of the method's own comes first, with a frame that keeps no
 * locals. A constructor gets no points before its {@code super(...)} or {@code this(...)} call: the
 * object is not shared yet.
 */
final class PointsMethodVisitor extends MethodVisitor {
    private static final String POINTS = "dev/heddle/sim/instrument/SchedulingPoints";
    private static final String SITE = "(Ljava/lang/String;)V";
    private static final Set<String> VAR_HANDLE_ACCESS = Arrays.stream(VarHandle.AccessMode.values())
            .map(VarHandle.AccessMode::methodName).collect(Collectors.toUnmodifiableSet());
    /** Classes of {@code java.util} whose methods touch no shared state of their own. */
    private static final Set<String> PURE_UTILITIES = Set.of("java/util/Objects", "java/util/Optional",
            "java/util/OptionalInt", "java/util/OptionalLong", "java/util/OptionalDouble");

    private final InstrumentedClass owner;
    private final String method;
    private final boolean isSynchronized;
    private final Set<Label> seen = new HashSet<>();
    private int line;
    /** False in a constructor until its super() or this() call. */
    private boolean pointsOn;
    private Label protectedStart;

    PointsMethodVisitor(MethodVisitor next, InstrumentedClass owner, int access, String method) {
        super(Opcodes.ASM9, next);
        this.owner = owner;
        this.method = method;
        this.isSynchronized = (access & Opcodes.ACC_SYNCHRONIZED) != 0;
        this.pointsOn = !method.equals("<init>");
    }

    @Override
    public void visitCode() {
        super.visitCode();
        if (isSynchronized) {
            call("monitorEntered", "()V");
            protectedStart = new Label();
            super.visitLabel(protectedStart);
        }
    }

    @Override
    public void visitLabel(Label label) {
        seen.add(label);
        super.visitLabel(label);
    }

    @Override
    public void visitLineNumber(int line, Label start) {
        this.line = line;
        super.visitLineNumber(line, start);
    }

    @Override
    public void visitFieldInsn(int opcode, String fieldOwner, String name, String descriptor) {
        if (pointsOn && !owner.isFinalField(fieldOwner, name)) {
            boolean read = opcode == Opcodes.GETFIELD || opcode == Opcodes.GETSTATIC;
            point((read ? "read " : "write ") + fieldOwner.replace('/', '.') + "." + name);
        }
        super.visitFieldInsn(opcode, fieldOwner, name, descriptor);
    }

    @Override
    public void visitInsn(int opcode) {
        if (opcode >= Opcodes.IALOAD && opcode <= Opcodes.SALOAD && pointsOn) {
            point("read " + elementType(opcode - Opcodes.IALOAD) + "[]");
        } else if (opcode >= Opcodes.IASTORE && opcode <= Opcodes.SASTORE && pointsOn) {
            point("write " + elementType(opcode - Opcodes.IASTORE) + "[]");
        } else if (opcode == Opcodes.MONITORENTER) {
            if (pointsOn) {
                point("enter monitor");
            }
            super.visitInsn(opcode);
            call("monitorEntered", "()V");
            return;
        } else if (opcode == Opcodes.MONITOREXIT) {
            super.visitInsn(opcode);
            super.visitLdcInsn(site("exit monitor"));
            call("monitorExited", SITE);
            return;
        } else if (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN && isSynchronized) {
            call("leavingSynchronizedMethod", "()V");
        }
        super.visitInsn(opcode);
    }

    /** The element type of the array opcodes in the order the JVM numbers them from IALOAD (and IASTORE). */
    private static String elementType(int index) {
        return switch (index) {
            case 0 -> "int";
            case 1 -> "long";
            case 2 -> "float";
            case 3 -> "double";
            case 4 -> "Object";
            case 5 -> "byte";
            case 6 -> "char";
            default -> "short";
        };
    }

    @Override
    public void visitMethodInsn(int opcode, String callee, String name, String descriptor, boolean isInterface) {
        JdkCallSites.Replacement replacement = JdkCallSites.replacement(opcode, callee, name, descriptor,
                c -> owner.isThread(c));
        if (replacement != null) {
            if (pointsOn && !replacement.owner().equals(JdkCallSites.JDK_CALLS) && isSharedMemoryCall(callee, name)) {
                // A stand-in for a call on shared state keeps its point; JdkCalls' waits are where tasks switch anyway.
                point("call " + callee.replace('/', '.') + "." + name);
            }
            super.visitMethodInsn(Opcodes.INVOKESTATIC, replacement.owner(), replacement.name(),
                    replacement.descriptor(), false);
            if (replacement.castTo() != null) {
                super.visitTypeInsn(Opcodes.CHECKCAST, replacement.castTo());
            }
            return;
        }
        if (TimeAndRandomSites.isUnseededRandom(opcode, callee, name, descriptor)) {
            // new Random() becomes new Random(seed): the seed goes on the stack above NEW and DUP.
            super.visitMethodInsn(Opcodes.INVOKESTATIC, TimeAndRandomSites.CALLS, "randomSeed", "()J", false);
            descriptor = "(J)V";
        }
        String called = callee.replace('/', '.') + "." + name;
        boolean synchronizedCallee = pointsOn && opcode != Opcodes.INVOKEINTERFACE && !name.startsWith("<")
                && owner.isSynchronizedMethod(callee, name, descriptor);
        if (pointsOn && (synchronizedCallee || isSharedMemoryCall(callee, name))) {
            point("call " + called);
        }
        super.visitMethodInsn(opcode, callee, name, descriptor, isInterface);
        if (synchronizedCallee) {
            // The callee's monitor is released as it returns: the point after monitorexit, for a synchronized method.
            point("return from " + called);
        }
        if (!pointsOn && opcode == Opcodes.INVOKESPECIAL && name.equals("<init>") && owner.isSelfOrSuper(callee)) {
            pointsOn = true;
        }
    }

    /**
     * Whether a call acts on memory other tasks may share, where the JDK's own code (never
     * instrumented) would hide the access: every method but a constructor of the classes of
     * {@code java.util.concurrent} and its subpackages (atomics, locks, concurrent maps and
     * queues, latches: objects made to be shared, whose check-then-act pairs are classic bugs),
     * of the collections of {@code java.util} itself (a {@code Collections.synchronizedMap}'s
     * {@code containsKey} then {@code put}), and a {@code VarHandle}'s access modes.
     */
    private static boolean isSharedMemoryCall(String callee, String name) {
        if (name.equals("<init>")) {
            return false;
        }
        return callee.startsWith("java/util/concurrent/")
                || callee.startsWith("java/util/") && callee.indexOf('/', "java/util/".length()) < 0
                        && !PURE_UTILITIES.contains(callee)
                || callee.equals("java/lang/invoke/VarHandle") && VAR_HANDLE_ACCESS.contains(name);
    }

    @Override
    public void visitJumpInsn(int opcode, Label label) {
        if (pointsOn && seen.contains(label)) {
            point("loop");
        }
        super.visitJumpInsn(opcode, label);
    }

    @Override
    public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
        if (pointsOn && (seen.contains(dflt) || Arrays.stream(labels).anyMatch(seen::contains))) {
            point("loop");
        }
        super.visitTableSwitchInsn(min, max, dflt, labels);
    }

    @Override
    public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
        if (pointsOn && (seen.contains(dflt) || Arrays.stream(labels).anyMatch(seen::contains))) {
            point("loop");
        }
        super.visitLookupSwitchInsn(dflt, keys, labels);
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
        if (isSynchronized) {
            Label protectedEnd = new Label();
            Label handler = new Label();
            super.visitLabel(protectedEnd);
            super.visitLabel(handler);
            if (owner.hasStackMapFrames()) {
                super.visitFrame(Opcodes.F_FULL, 0, new Object[0], 1, new Object[] {"java/lang/Throwable"});
            }
            call("leavingSynchronizedMethod", "()V");
            super.visitInsn(Opcodes.ATHROW);
            super.visitTryCatchBlock(protectedStart, protectedEnd, handler, null);
        }
        // A site's string is one word an insertion adds to the operand stack; a Random's seed, two.
        super.visitMaxs(maxStack + 2, maxLocals);
    }

    private void point(String action) {
        super.visitLdcInsn(site(action));
        call("point", SITE);
    }

    private void call(String name, String descriptor) {
        super.visitMethodInsn(Opcodes.INVOKESTATIC, POINTS, name, descriptor, false);
    }

    /** {@code com.example.Counter.increment(Counter.java:12) write com.example.Counter.count}: a frame, then what. */
    private String site(String action) {
        String file = owner.sourceFile() == null ? "Unknown Source"
                : owner.sourceFile() + (line > 0 ? ":" + line : "");
        return owner.className() + "." + method + "(" + file + ") " + action;
    }
}
