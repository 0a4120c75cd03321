package dev.heddle.agent;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;

/**
 * The agent's transformer: instruments each class of the {@link InstrumentedPackages} as it is
 * loaded or retransformed, and leaves every other class as it is. A class it cannot instrument
 * (too large once instrumented, malformed) is left as it is too, with one line on standard
 * error naming it: a transformer's exception would be swallowed by the JVM, and the user
 * would not know that the class runs without points.
 */
final class PointsTransformer implements ClassFileTransformer {
    private final InstrumentedPackages packages;
    private final ClassHierarchy hierarchy = new ClassHierarchy();

    PointsTransformer(InstrumentedPackages packages) {
        this.packages = packages;
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        if (loader == null || className == null || !packages.instruments(className)) {
            return null;
        }
        try {
            return instrument(loader, classfileBuffer);
        } catch (RuntimeException | LinkageError e) {
            System.err.println("Heddle's agent: could not instrument " + className.replace('/', '.')
                    + ", which runs without scheduling points: " + e);
            return null;
        }
    }

    /** The class file {@code bytes}, of a class of {@code loader}, with its points. */
    byte[] instrument(ClassLoader loader, byte[] bytes) {
        ClassReader reader = new ClassReader(bytes);
        hierarchy.remember(loader, reader);
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(new InstrumentedClass(writer, loader, hierarchy), 0);
        return writer.toByteArray();
    }
}
