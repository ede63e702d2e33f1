DROP INDEX "contacts_case_day_idx";--> statement-breakpoint
CREATE INDEX "contacts_case_day_idx" ON "contacts" USING btree ("case_id","contacted_on","outcome","type");