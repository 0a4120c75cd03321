package dev.heddle.net;

import dev.heddle.runtime.HeddleRuntime;
import dev.heddle.runtime.RuntimeBuilder;
import java.util.stream.Stream;

/** The real runtimes every network test runs on, for {@code @MethodSource("dev.heddle.net.Runtimes#both")}. */
final class Runtimes {
    private Runtimes() {}

    static Stream<RuntimeBuilder> both() {
        return Stream.of(HeddleRuntime.multiThread().workerThreads(2), HeddleRuntime.currentThread());
    }
}
