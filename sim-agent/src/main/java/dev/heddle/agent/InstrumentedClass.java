package dev.heddle.agent;

import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Instruments one class: each method with code, except the static initializer, goes through a
 * {@link PointsMethodVisitor}. A class initializer runs once, before the class is shared, on a
 * thread the JDK pins to its carrier while it runs: a point there could never switch tasks.
 * Also what its methods ask of the class: its name and source file, whether a class is it or its
 * superclass, and (through the {@link ClassHierarchy}, which the transformer has told of this
 * class) of its fields and methods and those of the classes it refers to.
 */
final class InstrumentedClass extends ClassVisitor {
    private final ClassLoader loader;
    private final ClassHierarchy hierarchy;
    private String internalName;
    private String className;
    private String superName;
    private String sourceFile;
    private boolean stackMapFrames;

    InstrumentedClass(ClassVisitor next, ClassLoader loader, ClassHierarchy hierarchy) {
        super(Opcodes.ASM9, next);
        this.loader = loader;
        this.hierarchy = hierarchy;
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName,
                      String[] interfaces) {
        this.internalName = name;
        this.className = name.replace('/', '.');
        this.superName = superName;
        // Class files from Java 7 on are verified by their stack map frames alone; older ones are inferred.
        this.stackMapFrames = (version & 0xFFFF) >= Opcodes.V1_7;
        super.visit(version, access, name, signature, superName, interfaces);
    }

    @Override
    public void visitSource(String source, String debug) {
        this.sourceFile = source;
        super.visitSource(source, debug);
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                     String[] exceptions) {
        MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
        boolean noCode = (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0;
        if (next == null || noCode || name.equals("<clinit>")) {
            return next;
        }
        return new PointsMethodVisitor(next, this, access, name);
    }

    String className() {
        return className;
    }

    String sourceFile() {
        return sourceFile;
    }

    boolean hasStackMapFrames() {
        return stackMapFrames;
    }

    boolean isSelfOrSuper(String owner) {
        return owner.equals(internalName) || owner.equals(superName);
    }

    boolean isFinalField(String owner, String name) {
        return hierarchy.isFinalField(loader, owner, name);
    }

    boolean isSynchronizedMethod(String owner, String name, String descriptor) {
        return hierarchy.isSynchronizedMethod(loader, owner, name, descriptor);
    }

    boolean isThread(String owner) {
        return hierarchy.isThread(loader, owner);
    }
}
