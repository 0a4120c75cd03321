package dev.heddle.runtime;

/**
 * A task taken out of a {@link JoinSet} with its value, and the id that says which task it was
 * (the {@code (Id, T)} pair of Tokio's {@code join_next_with_id}). A task that failed or was
 * cancelled gives no {@code JoinedTask}: its {@link JoinException#id()} carries the id.
 *
 * @param id the task's id, as {@link JoinHandle#id()} gave it when it was spawned
 * @param value what the task returned; null for a task that returns nothing
 */
public record JoinedTask<T>(long id, T value) {}
