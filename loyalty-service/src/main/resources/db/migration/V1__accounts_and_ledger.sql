-- Loyalty accounts, the append-only points ledger and the point lots behind the balances.

create table loyalty_account (
    customer_id      uuid primary key,
    status           text        not null default 'active' check (status in ('active', 'erased', 'merged')),
    merged_into      uuid,
    referral_code    text unique,
    tier             text        not null,
    tier_since       timestamptz not null,
    balance          bigint      not null default 0,
    -- Points owed after a reversal or a merge that found too few points to take back; new points repay it first.
    debt             bigint      not null default 0 check (debt >= 0),
    -- Personal data, kept only for the self-referral check and the birthday bonus; erased on customer-erased.
    email            text,
    phone            text,
    birthday         date,
    first_purchase_at timestamptz,
    last_birthday_bonus_year int,
    expiring_notice_for timestamptz,
    opened_at        timestamptz not null,
    updated_at       timestamptz not null
);
create index loyalty_account_merged_into on loyalty_account (merged_into) where merged_into is not null;

-- Append-only: rows are inserted, never updated or deleted (a trigger enforces it).
create table ledger_entry (
    id               uuid primary key,
    customer_id      uuid        not null references loyalty_account (customer_id),
    type             text        not null check (type in ('earn', 'redeem', 'expire', 'adjust', 'reverse',
                                     'referral-bonus', 'birthday-bonus', 'merge-in', 'merge-out')),
    points           bigint      not null,
    running_balance  bigint      not null,
    reason           text        not null,
    source_type      text        not null,
    source_id        text,
    agent            text,
    occurred_at      timestamptz not null,
    recorded_at      timestamptz not null
);
create index ledger_entry_by_account on ledger_entry (customer_id, recorded_at, id);
-- Exactly one earn entry per order id and account, one reversal per return.
create unique index ledger_entry_one_earn_per_order on ledger_entry (customer_id, source_id) where type = 'earn';
create unique index ledger_entry_one_reverse_per_return on ledger_entry (customer_id, source_id) where type = 'reverse';

create function ledger_entry_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'ledger entries are append-only';
end $$;
create trigger ledger_entry_append_only before update or delete on ledger_entry
    for each row execute function ledger_entry_is_append_only();

-- What is left of each credit: spending, expiry and reversals take from lots, oldest expiry first.
create table point_lot (
    id               uuid primary key,
    customer_id      uuid        not null references loyalty_account (customer_id),
    entry_id         uuid        not null references ledger_entry (id),
    points           bigint      not null check (points >= 0),
    remaining        bigint      not null check (remaining >= 0),
    available_at     timestamptz not null,
    expires_at       timestamptz not null,
    order_id         text,
    order_total      numeric(19, 4),
    returned_amount  numeric(19, 4) not null default 0,
    reversed_points  bigint      not null default 0
);
create index point_lot_open on point_lot (customer_id, expires_at) where remaining > 0;
create index point_lot_by_order on point_lot (customer_id, order_id) where order_id is not null;
create index point_lot_expiry on point_lot (expires_at) where remaining > 0;

-- Redemptions by Idempotency-Key: the same key and body answer the same; another body is refused.
create table redemption_request (
    customer_id      uuid        not null,
    idempotency_key  text        not null,
    request_hash     text        not null,
    response         text        not null,
    created_at       timestamptz not null,
    primary key (customer_id, idempotency_key)
);

-- Program versions: a change applies from its effective date; rows are never rewritten.
create table program_version (
    version          serial primary key,
    effective_from   timestamptz not null,
    rules            text        not null,
    created_at       timestamptz not null
);

create table reward (
    id               uuid primary key,
    name             text        not null,
    description      text,
    points_cost      bigint      not null check (points_cost > 0),
    stock            bigint      check (stock >= 0),
    valid_from       timestamptz,
    valid_until      timestamptz,
    minimum_tier     text,
    active           boolean     not null default true,
    created_at       timestamptz not null,
    updated_at       timestamptz not null
);
create index reward_by_created on reward (created_at, id) where active;

create table referral (
    id               uuid primary key,
    referee_id       uuid        not null,
    advocate_id      uuid,
    code             text        not null,
    status           text        not null check (status in ('pending', 'completed', 'rejected')),
    rejection_reason text,
    created_at       timestamptz not null,
    completed_at     timestamptz
);
create unique index referral_one_per_referee on referral (referee_id) where status in ('pending', 'completed');
create index referral_by_advocate on referral (advocate_id, created_at);
create index referral_by_referee on referral (referee_id, created_at);
