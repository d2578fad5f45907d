-- The currency the organisation's amounts are in (ISO 4217 code): the console writes amounts with it.
ALTER TABLE organisation_settings ADD COLUMN currency VARCHAR(3) DEFAULT 'GBP' NOT NULL;
