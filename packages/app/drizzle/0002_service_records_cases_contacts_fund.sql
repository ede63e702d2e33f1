CREATE TABLE "case_workers" (
	"case_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"role" text NOT NULL,
	"assigned_at" timestamp with time zone NOT NULL,
	CONSTRAINT "case_workers_pk" PRIMARY KEY("case_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"local_case_id" text NOT NULL,
	"referral_source" text NOT NULL,
	"referral_source_other" text,
	"referred_on" date NOT NULL,
	"person_name" text,
	"date_of_birth" date,
	"gender" text,
	"phone" text,
	"needs" text[] DEFAULT '{}'::text[] NOT NULL,
	"complexity" text,
	"consent_scope" text,
	"consent_recorded_on" date,
	"consent_recorded_by" uuid,
	"gender_preference" text,
	"status" text DEFAULT 'referred' NOT NULL,
	"engagement" text DEFAULT 'no_data' NOT NULL,
	"stepped_down_at" timestamp with time zone,
	"discharged_on" date,
	"discharge_reason" text,
	"is_closed_automatically" boolean DEFAULT false NOT NULL,
	"imported_first_contact_on" date,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "cases_site_local_case_id_unique" UNIQUE("site_id","local_case_id")
);
--> statement-breakpoint
CREATE TABLE "contacts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"contacted_on" date NOT NULL,
	"contacted_at" timestamp with time zone NOT NULL,
	"type" text NOT NULL,
	"other_kind" text,
	"outcome" text DEFAULT 'made' NOT NULL,
	"made_by_user_id" uuid,
	"made_by_kind" text,
	"duration_minutes" integer,
	"note" text,
	"import_key" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "contacts_site_import_key_unique" UNIQUE("site_id","import_key")
);
--> statement-breakpoint
CREATE TABLE "fund_applications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"category" text NOT NULL,
	"amount_pence" integer NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"applied_by" uuid,
	"applied_at" timestamp with time zone NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"paid_on" date,
	CONSTRAINT "fund_applications_amount_positive" CHECK ("fund_applications"."amount_pence" > 0)
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"site_id" uuid,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"case_id" uuid,
	"message" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "sites" ADD COLUMN "caseload_target" integer DEFAULT 12 NOT NULL;--> statement-breakpoint
ALTER TABLE "sites" ADD COLUMN "caseload_warning" integer DEFAULT 8 NOT NULL;--> statement-breakpoint
ALTER TABLE "sites" ADD COLUMN "caseload_alert" integer DEFAULT 20 NOT NULL;--> statement-breakpoint
ALTER TABLE "sites" ADD COLUMN "step_down_close_after_months" integer DEFAULT 4 NOT NULL;--> statement-breakpoint
ALTER TABLE "sites" ADD COLUMN "no_contact_flag_days" integer DEFAULT 14 NOT NULL;--> statement-breakpoint
ALTER TABLE "case_workers" ADD CONSTRAINT "case_workers_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_workers" ADD CONSTRAINT "case_workers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_consent_recorded_by_users_id_fk" FOREIGN KEY ("consent_recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_made_by_user_id_users_id_fk" FOREIGN KEY ("made_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_applications" ADD CONSTRAINT "fund_applications_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_applications" ADD CONSTRAINT "fund_applications_applied_by_users_id_fk" FOREIGN KEY ("applied_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_applications" ADD CONSTRAINT "fund_applications_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "case_workers_one_lead" ON "case_workers" USING btree ("case_id") WHERE role = 'lead';--> statement-breakpoint
CREATE INDEX "case_workers_user_idx" ON "case_workers" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "cases_site_referred_idx" ON "cases" USING btree ("site_id","referred_on");--> statement-breakpoint
CREATE INDEX "cases_organisation_status_idx" ON "cases" USING btree ("organisation_id","status");--> statement-breakpoint
CREATE INDEX "contacts_case_day_idx" ON "contacts" USING btree ("case_id","contacted_on");--> statement-breakpoint
CREATE INDEX "contacts_site_day_idx" ON "contacts" USING btree ("site_id","contacted_on");--> statement-breakpoint
CREATE INDEX "fund_applications_case_idx" ON "fund_applications" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "fund_applications_site_idx" ON "fund_applications" USING btree ("site_id","applied_at");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at");