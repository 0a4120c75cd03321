package dev.heddle.agent;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * What the agent needs to know of the classes an instrumented class refers to (whether a field
 * is final, whether a method is {@code synchronized}, whether a class is a {@code Thread}), read
 * from their class files through the loader of the class being instrumented, never by loading
 * them: a transformer that loads classes can deadlock or see half-defined ones. Unknown classes
 * count as having no final fields, no synchronized methods and as no threads: a doubt costs a
 * needless point or a missed pair around a call, never a wrong rewrite.
 */
final class ClassHierarchy {
    /** Per loader (null: the JDK's), the classes read so far by internal name. */
    private final Map<ClassLoader, Map<String, ClassFacts>> byLoader = new WeakHashMap<>();
    private final Map<String, ClassFacts> jdk = new ConcurrentHashMap<>();

    /**
     * A class's superclass and interfaces, and the access flags of the fields it declares (by
     * name) and of its methods (by name and descriptor).
     */
    record ClassFacts(String superName, String[] interfaces, Map<String, Integer> fields,
                      Map<String, Integer> methods) {
        static final ClassFacts UNKNOWN = new ClassFacts(null, new String[0], Map.of(), Map.of());
    }

    /** Whether field {@code name} of class {@code owner} (or of the class that declares it above) is final. */
    boolean isFinalField(ClassLoader loader, String owner, String name) {
        for (int depth = 0; owner != null && depth < 64; depth++) {
            ClassFacts facts = facts(loader, owner);
            Integer access = facts.fields().get(name);
            if (access != null) {
                return (access & Opcodes.ACC_FINAL) != 0;
            }
            for (String itf : facts.interfaces()) {
                if (facts(loader, itf).fields().containsKey(name)) {
                    return true; // an interface's fields are static and final
                }
            }
            owner = facts.superName();
        }
        return false;
    }

    /**
     * Whether the method a call {@code owner.name descriptor} names is {@code synchronized}, as
     * declared in {@code owner} or the nearest superclass that declares it (an override elsewhere
     * may differ: the call's own class decides, as the call site can see no further).
     */
    boolean isSynchronizedMethod(ClassLoader loader, String owner, String name, String descriptor) {
        String key = name + descriptor;
        for (int depth = 0; owner != null && depth < 64; depth++) {
            ClassFacts facts = facts(loader, owner);
            Integer access = facts.methods().get(key);
            if (access != null) {
                return (access & Opcodes.ACC_SYNCHRONIZED) != 0;
            }
            owner = facts.superName();
        }
        return false;
    }

    /** Whether {@code owner} is {@code java/lang/Thread} or one of its subclasses. */
    boolean isThread(ClassLoader loader, String owner) {
        for (int depth = 0; owner != null && depth < 64; depth++) {
            if (owner.equals("java/lang/Thread")) {
                return true;
            }
            owner = facts(loader, owner).superName();
        }
        return false;
    }

    /** Records the facts of a class being instrumented, whose bytes are at hand (and may not be a resource). */
    void remember(ClassLoader loader, ClassReader reader) {
        cache(loader).put(reader.getClassName(), of(reader));
    }

    private ClassFacts facts(ClassLoader loader, String name) {
        ClassLoader from = InstrumentedPackages.isJdk(name.replace('/', '.')) ? null : loader;
        return cache(from).computeIfAbsent(name, n -> read(from, n));
    }

    private Map<String, ClassFacts> cache(ClassLoader loader) {
        if (loader == null) {
            return jdk;
        }
        synchronized (byLoader) {
            return byLoader.computeIfAbsent(loader, l -> new ConcurrentHashMap<>());
        }
    }

    private static ClassFacts read(ClassLoader loader, String name) {
        String resource = name + ".class";
        try (InputStream in = loader == null ? ClassLoader.getSystemResourceAsStream(resource)
                : loader.getResourceAsStream(resource)) {
            return in == null ? ClassFacts.UNKNOWN : of(new ClassReader(in));
        } catch (IOException | RuntimeException e) {
            return ClassFacts.UNKNOWN;
        }
    }

    /** The facts in a class file. */
    static ClassFacts of(ClassReader reader) {
        Map<String, Integer> fields = new HashMap<>();
        Map<String, Integer> methods = new HashMap<>();
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public FieldVisitor visitField(int access, String name, String descriptor, String signature,
                                           Object value) {
                fields.put(name, access);
                return null;
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                methods.put(name + descriptor, access);
                return null;
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return new ClassFacts(reader.getSuperName(), reader.getInterfaces(), fields, methods);
    }
}
