package dev.rapport.loyalty.domain.reward;

import java.util.UUID;

import dev.rapport.kernel.NotFoundException;

public class RewardNotFoundException extends NotFoundException {

    public RewardNotFoundException(UUID id) {
        super("Reward", "no reward " + id);
    }
}
