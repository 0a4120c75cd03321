package dev.heddle.agent.later;

/**
 * A racy counter in a package the agent is not started with: {@code @SimTest(instrument)} adds
 * it, after the test has loaded the class, so the agent must retransform it.
 */
public final class Tally {
    private int value;

    public void add() {
        value = value + 1;
    }

    public int value() {
        return value;
    }
}
