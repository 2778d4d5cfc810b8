-- What expired from a lot unused and no return has taken back yet: a return of the order takes its points
-- from it without debiting the member a second time. Lots that expired before this column count as spent
-- (0): which of their points expired and which were spent was not recorded.
alter table point_lot add column expired_points bigint not null default 0 check (expired_points >= 0);
