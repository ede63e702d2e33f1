CREATE TABLE "check_in_alerts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"check_in_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"reason" text NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"notify_at" timestamp with time zone NOT NULL,
	"notified_at" timestamp with time zone,
	"due_by" timestamp with time zone NOT NULL,
	"followed_up_at" timestamp with time zone,
	"followed_up_by" uuid,
	"contact_id" uuid,
	CONSTRAINT "check_in_alerts_check_in_kind_unique" UNIQUE("check_in_id","kind")
);
--> statement-breakpoint
CREATE TABLE "check_in_enrolments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"phone" text NOT NULL,
	"phone_key" text NOT NULL,
	"times" text[] NOT NULL,
	"encouragement" text NOT NULL,
	"consent_statement" text NOT NULL,
	"consent_recorded_at" timestamp with time zone NOT NULL,
	"consent_recorded_by" uuid,
	"opted_out_at" timestamp with time zone,
	"opted_out_via" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "check_in_enrolments_case_unique" UNIQUE("case_id")
);
--> statement-breakpoint
CREATE TABLE "check_in_site_settings" (
	"site_id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"on_duty_coordinator_user_id" uuid,
	"response_target_minutes" integer DEFAULT 15 NOT NULL,
	"monitored_days" integer[] DEFAULT '{1,2,3,4,5}'::integer[] NOT NULL,
	"monitored_from" text DEFAULT '09:00' NOT NULL,
	"monitored_to" text DEFAULT '17:00' NOT NULL,
	"no_reply_hours" integer DEFAULT 4 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "check_ins" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"scheduled_for" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"answer" text,
	"answered_at" timestamp with time zone,
	"answered_via" text,
	"counts_as_red" boolean DEFAULT false NOT NULL,
	"nudged_at" timestamp with time zone,
	"unanswered_at" timestamp with time zone,
	CONSTRAINT "check_ins_enrolment_slot_unique" UNIQUE("enrolment_id","scheduled_for")
);
--> statement-breakpoint
CREATE TABLE "sms_outbox" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"to_phone" text NOT NULL,
	"body" text NOT NULL,
	"purpose" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "check_in_alerts" ADD CONSTRAINT "check_in_alerts_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_in_alerts" ADD CONSTRAINT "check_in_alerts_check_in_id_check_ins_id_fk" FOREIGN KEY ("check_in_id") REFERENCES "public"."check_ins"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_in_alerts" ADD CONSTRAINT "check_in_alerts_followed_up_by_users_id_fk" FOREIGN KEY ("followed_up_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_in_enrolments" ADD CONSTRAINT "check_in_enrolments_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_in_enrolments" ADD CONSTRAINT "check_in_enrolments_consent_recorded_by_users_id_fk" FOREIGN KEY ("consent_recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_in_site_settings" ADD CONSTRAINT "check_in_site_settings_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_in_site_settings" ADD CONSTRAINT "check_in_site_settings_on_duty_coordinator_user_id_users_id_fk" FOREIGN KEY ("on_duty_coordinator_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_enrolment_id_check_in_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."check_in_enrolments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "check_in_alerts_site_raised_idx" ON "check_in_alerts" USING btree ("site_id","raised_at");--> statement-breakpoint
CREATE INDEX "check_in_alerts_case_idx" ON "check_in_alerts" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "check_in_alerts_pending_idx" ON "check_in_alerts" USING btree ("notify_at") WHERE notified_at is null;--> statement-breakpoint
CREATE INDEX "check_in_enrolments_phone_idx" ON "check_in_enrolments" USING btree ("phone_key");--> statement-breakpoint
CREATE INDEX "check_in_enrolments_status_idx" ON "check_in_enrolments" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "check_ins_token_hash_unique" ON "check_ins" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "check_ins_site_sent_idx" ON "check_ins" USING btree ("site_id","sent_at");--> statement-breakpoint
CREATE INDEX "check_ins_case_idx" ON "check_ins" USING btree ("case_id","scheduled_for");--> statement-breakpoint
CREATE INDEX "check_ins_open_idx" ON "check_ins" USING btree ("sent_at") WHERE answered_at is null and unanswered_at is null;--> statement-breakpoint
CREATE INDEX "sms_outbox_site_created_idx" ON "sms_outbox" USING btree ("site_id","created_at");