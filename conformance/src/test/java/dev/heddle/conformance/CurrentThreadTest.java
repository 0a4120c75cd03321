package dev.heddle.conformance;

import dev.heddle.junit.SimTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Tokio's {@code #[tokio::test]} (and its {@code start_paused} form, virtual time being the
 * simulator's only time): the test body runs in the simulator, tasks on one pool of ready
 * tasks, once per seed over twenty seeds. A Tokio test that polls futures by hand with
 * {@code tokio_test::task::spawn} is translated to tasks and runs here too.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@SimTest(seeds = 20)
public @interface CurrentThreadTest {}
