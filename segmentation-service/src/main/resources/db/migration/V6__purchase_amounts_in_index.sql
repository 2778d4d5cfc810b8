-- A purchase event re-scores its customer from the dates and amounts of all its purchases: with the amount in
-- the customer index they are read from its leaf page alone instead of one heap page per purchase.
CREATE INDEX seg_purchase_customer_amounts ON seg_purchase (customer_id, occurred_at) INCLUDE (total);
DROP INDEX seg_purchase_customer;
