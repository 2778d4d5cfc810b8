-- An upper bound of each account's qualifying points in any tier window: the sum of its positive
-- qualifying entries (earns and bonuses; reversals only ever lower the window's sum). Kept by a statement
-- trigger on the ledger, whatever code path appends, so a consumer batch runs the exact rolling-window
-- aggregate only for the members whose bound (merged accounts' added) reaches their next tier.
alter table loyalty_account add column qualifying_bound bigint not null default 0;

update loyalty_account a set qualifying_bound = s.points
from (select customer_id, sum(points) as points from ledger_entry
      where points > 0 and type in ('earn', 'reverse', 'referral-bonus', 'birthday-bonus') group by customer_id) s
where a.customer_id = s.customer_id;

create function ledger_entry_qualifying_bound() returns trigger language plpgsql as $$
begin
    update loyalty_account a set qualifying_bound = a.qualifying_bound + n.points
    from (select customer_id, sum(points) as points from new_entries
          where points > 0 and type in ('earn', 'reverse', 'referral-bonus', 'birthday-bonus') group by customer_id) n
    where a.customer_id = n.customer_id;
    return null;
end $$;
create trigger ledger_entry_qualifying_bound after insert on ledger_entry referencing new table as new_entries
    for each statement execute function ledger_entry_qualifying_bound();
