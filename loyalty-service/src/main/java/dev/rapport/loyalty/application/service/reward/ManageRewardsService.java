package dev.rapport.loyalty.application.service.reward;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.rapport.kernel.FieldViolation;
import dev.rapport.kernel.RuleViolationException;
import dev.rapport.kernel.TimeOrderedIds;
import dev.rapport.kernel.paging.Page;
import dev.rapport.kernel.paging.PageRequest;
import dev.rapport.loyalty.application.port.in.reward.ManageRewardsUseCase;
import dev.rapport.loyalty.application.port.in.reward.SaveRewardCommand;
import dev.rapport.loyalty.application.port.out.reward.RewardRepository;
import dev.rapport.loyalty.application.service.program.Programs;
import dev.rapport.loyalty.domain.reward.Reward;
import dev.rapport.loyalty.domain.reward.RewardNotFoundException;

@ApplicationScoped
public class ManageRewardsService implements ManageRewardsUseCase {

    private final RewardRepository rewards;
    private final Programs programs;
    private final Clock clock;

    public ManageRewardsService(RewardRepository rewards, Programs programs, Clock clock) {
        this.rewards = rewards;
        this.programs = programs;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Reward create(SaveRewardCommand command) {
        Instant now = clock.instant();
        Reward reward = build(TimeOrderedIds.next(), command, now, now);
        rewards.insert(reward);
        return reward;
    }

    @Override
    public Reward get(UUID id) {
        return rewards.find(id).orElseThrow(() -> new RewardNotFoundException(id));
    }

    @Override
    public Page<Reward> list(PageRequest request) {
        return rewards.page(request);
    }

    @Override
    @Transactional
    public Reward replace(SaveRewardCommand command) {
        Reward existing = get(command.id());
        Reward reward = build(command.id(), command, existing.createdAt(), clock.instant());
        if (!rewards.update(reward)) {
            throw new RewardNotFoundException(command.id());
        }
        return reward;
    }

    @Override
    @Transactional
    public void delete(UUID id) {
        if (!rewards.delete(id)) {
            throw new RewardNotFoundException(id);
        }
    }

    private Reward build(UUID id, SaveRewardCommand command, Instant createdAt, Instant now) {
        Reward reward = Reward.of(id, command.name(), command.description(), command.pointsCost(), command.stock(),
                command.validFrom(), command.validUntil(), command.minimumTier(), createdAt, now);
        if (reward.minimumTier() != null && programs.rulesAt(now).tiers().stream()
                .noneMatch(t -> t.name().equalsIgnoreCase(reward.minimumTier()))) {
            throw new RuleViolationException("unknown-tier", "Unknown tier", "the program has no tier "
                    + reward.minimumTier(), java.util.List.of(new FieldViolation("minimumTier", "is not a tier of the program")),
                    java.util.Map.of());
        }
        return reward;
    }
}
