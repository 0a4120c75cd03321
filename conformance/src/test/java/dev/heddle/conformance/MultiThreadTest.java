package dev.heddle.conformance;

import dev.heddle.junit.SimTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Tokio's {@code #[tokio::test(flavor = "multi_thread")]}: the test body runs in the simulator
 * replaying the multi-thread runtime with four logical workers (their LIFO slots, local queues
 * and stealing), once per seed over twenty seeds. A Tokio test that names its
 * {@code worker_threads} uses {@code @SimTest(seeds = 20, workers = N)} instead.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@SimTest(seeds = 20, workers = 4)
public @interface MultiThreadTest {}
