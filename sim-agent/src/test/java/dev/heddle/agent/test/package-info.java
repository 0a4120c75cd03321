/**
 * Code under test for the agent's tests: the one package the tests' JVM instruments
 * ({@code -javaagent:sim-agent.jar=dev.heddle.agent.test}), and the classes the transformer's
 * unit tests instrument by hand. A user package of Heddle's own, under {@code dev.heddle} but in
 * no library package, as the agent allows.
 */
package dev.heddle.agent.test;
