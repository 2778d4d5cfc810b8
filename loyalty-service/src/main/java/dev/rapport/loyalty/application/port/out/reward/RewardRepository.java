package dev.rapport.loyalty.application.port.out.reward;

import java.util.Optional;
import java.util.UUID;

import dev.rapport.kernel.paging.Page;
import dev.rapport.kernel.paging.PageRequest;
import dev.rapport.loyalty.domain.reward.Reward;

public interface RewardRepository {

    void insert(Reward reward);

    /** False when the reward does not exist (or was deleted). */
    boolean update(Reward reward);

    Optional<Reward> find(UUID id);

    Page<Reward> page(PageRequest request);

    boolean delete(UUID id);

    /** The outcome of taking one item from stock. */
    record Taken(boolean taken, Long remainingStock) {
    }

    /** Takes one item atomically, never below zero; a reward without a stock limit always gives one. */
    Taken takeOne(UUID id);
}
