-- The tiers a member held and since when, so a purchase dated in the past earns with the multiplier of
-- the tier held on its date. Written by a trigger on every tier change of an account, whichever code
-- path changed it; accounts that existed before this table start with their current tier since tier_since.
create table tier_history (
    customer_id uuid        not null references loyalty_account (customer_id),
    tier        text        not null,
    since       timestamptz not null
);
create index tier_history_by_account on tier_history (customer_id, since);

create function loyalty_account_tier_history() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' or old.tier is distinct from new.tier then
        insert into tier_history (customer_id, tier, since) values (new.customer_id, new.tier, new.tier_since);
    end if;
    return null;
end $$;
create trigger loyalty_account_tier_history after insert or update of tier on loyalty_account
    for each row execute function loyalty_account_tier_history();

insert into tier_history (customer_id, tier, since) select customer_id, tier, tier_since from loyalty_account;
