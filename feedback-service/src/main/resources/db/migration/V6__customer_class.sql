-- The customer class read model (segmentation-service's ABC class, loyalty-service's tier), each value
-- with the time it took effect so that an older event never overwrites a newer one.
CREATE TABLE customer_class (
    customer_id     uuid PRIMARY KEY,
    abc_class       text,
    abc_class_at    timestamptz,
    loyalty_tier    text,
    loyalty_tier_at timestamptz
);

-- The class a complaint's deadlines were computed for, fixed at opening.
ALTER TABLE complaint ADD COLUMN service_class text NOT NULL DEFAULT 'standard'
    CHECK (service_class IN ('standard', 'top-tier', 'key-account'));
