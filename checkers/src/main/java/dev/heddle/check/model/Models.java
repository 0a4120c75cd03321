package dev.heddle.check.model;

import dev.heddle.check.Model;
import java.util.List;
import java.util.function.Supplier;

/**
 * The built-in models, by the names the command line uses.
 *
 * <pre>{@code
 * Model<?> model = Models.byName("cas-register");
 * }</pre>
 */
public final class Models {
    private static final List<Entry> BUILT_IN = List.of(
            new Entry("register", RegisterModel::new),
            new Entry("cas-register", CasRegisterModel::new),
            new Entry("kv", KeyValueModel::partitioned),
            new Entry("kv-unpartitioned", KeyValueModel::unpartitioned),
            new Entry("queue", QueueModel::new),
            new Entry("set", SetModel::new),
            new Entry("counter", CounterModel::new),
            new Entry("lock", LockModel::new));

    private record Entry(String name, Supplier<Model<?>> factory) {
    }

    private Models() {
    }

    public static List<String> names() {
        return BUILT_IN.stream().map(Entry::name).toList();
    }

    /** The built-in model called {@code name}; the exception lists the names there are. */
    public static Model<?> byName(String name) {
        for (Entry entry : BUILT_IN) {
            if (entry.name().equals(name)) {
                return entry.factory().get();
            }
        }
        throw new IllegalArgumentException("no model named '" + name + "'; the models are: "
                + String.join(", ", names()));
    }

    public static RegisterModel register() {
        return new RegisterModel();
    }

    public static CasRegisterModel casRegister() {
        return new CasRegisterModel();
    }

    public static KeyValueModel keyValue() {
        return KeyValueModel.partitioned();
    }

    public static QueueModel queue() {
        return new QueueModel();
    }

    public static SetModel set() {
        return new SetModel();
    }

    public static CounterModel counter() {
        return new CounterModel();
    }

    public static LockModel lock() {
        return new LockModel();
    }
}
