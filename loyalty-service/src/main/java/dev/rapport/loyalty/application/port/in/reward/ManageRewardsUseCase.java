package dev.rapport.loyalty.application.port.in.reward;

import java.util.UUID;

import dev.rapport.kernel.paging.Page;
import dev.rapport.kernel.paging.PageRequest;
import dev.rapport.loyalty.domain.reward.Reward;

/** The rewards catalogue: create, read, list, replace, delete. */
public interface ManageRewardsUseCase {

    Reward create(SaveRewardCommand command);

    Reward get(UUID id);

    Page<Reward> list(PageRequest request);

    Reward replace(SaveRewardCommand command);

    void delete(UUID id);
}
