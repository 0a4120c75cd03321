package dev.heddle.agent.test;

/**
 * Two accounts, each guarded by its own monitor, and transfers that take both: {@link #aToB} and
 * {@link #bToA} take them in opposite orders (the classic monitor deadlock), {@link #bToAInOrder}
 * in the same order as {@link #aToB}.
 */
public final class Transfers {
    private final Object accountA = new Object();
    private final Object accountB = new Object();
    private int balanceA = 100;
    private int balanceB = 100;

    public void aToB() {
        synchronized (accountA) {
            balanceA--;
            synchronized (accountB) {
                balanceB++;
            }
        }
    }

    public void bToA() {
        synchronized (accountB) {
            balanceB--;
            synchronized (accountA) {
                balanceA++;
            }
        }
    }

    public void bToAInOrder() {
        synchronized (accountA) {
            balanceB--;
            synchronized (accountB) {
                balanceA++;
            }
        }
    }

    public int total() {
        synchronized (accountA) {
            synchronized (accountB) {
                return balanceA + balanceB;
            }
        }
    }
}
