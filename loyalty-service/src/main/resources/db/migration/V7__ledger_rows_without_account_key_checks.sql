-- Entries and lots are written only by the ledger, in the transaction that holds the account's row lock
-- (so the account exists), and accounts are never deleted (an erasure anonymises the row, a merge leaves
-- it as a tombstone). The foreign keys to the account therefore never refused a row, yet each checked
-- every inserted entry and lot with a query of its own that also locked the account row again: a
-- consumer batch of 500 purchases ran 1,000 of them. The checks on the rarely written tier tables stay.
alter table ledger_entry drop constraint ledger_entry_customer_id_fkey;
alter table point_lot drop constraint point_lot_customer_id_fkey;
