-- Anniversary work on tiers, claimed once per account, anniversary and kind ('evaluation', 'warning'):
-- the insert that claims it commits with its effect, so it happens once however many instances run.
create table tier_evaluation (
    customer_id      uuid        not null references loyalty_account (customer_id),
    anniversary      date        not null,
    kind             text        not null check (kind in ('evaluation', 'warning')),
    done_at          timestamptz not null,
    primary key (customer_id, anniversary, kind)
);
