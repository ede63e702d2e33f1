CREATE TABLE "survey_indicator_answers" (
	"survey_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"instrument_id" uuid NOT NULL,
	"wave" text NOT NULL,
	"invited_on" date NOT NULL,
	"completed_at" timestamp with time zone NOT NULL,
	"indicator_key" text NOT NULL,
	"before_answer" text,
	"now_answer" text,
	"now_number" double precision,
	"contribution" text,
	"counterfactual" text,
	CONSTRAINT "survey_indicator_answers_unique" UNIQUE("survey_id","indicator_key")
);
--> statement-breakpoint
CREATE TABLE "survey_instrument_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"instrument_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"content" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"published_at" timestamp with time zone,
	CONSTRAINT "survey_instrument_versions_number" UNIQUE("instrument_id","version")
);
--> statement-breakpoint
CREATE TABLE "survey_instruments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"template_key" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "surveys" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"instrument_id" uuid NOT NULL,
	"instrument_version_id" uuid NOT NULL,
	"wave" text NOT NULL,
	"follow_up_number" integer DEFAULT 0 NOT NULL,
	"mode" text NOT NULL,
	"status" text DEFAULT 'invited' NOT NULL,
	"token_hash" text,
	"link_expires_at" timestamp with time zone,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"invited_on" date NOT NULL,
	"invited_at" timestamp with time zone NOT NULL,
	"invited_by" uuid,
	"completed_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "surveys_case_wave_unique" UNIQUE("case_id","instrument_id","wave","follow_up_number")
);
--> statement-breakpoint
ALTER TABLE "impact_map_outcomes" ADD COLUMN "survey_indicator" jsonb;--> statement-breakpoint
ALTER TABLE "survey_indicator_answers" ADD CONSTRAINT "survey_indicator_answers_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_instrument_versions" ADD CONSTRAINT "survey_instrument_versions_instrument_id_survey_instruments_id_fk" FOREIGN KEY ("instrument_id") REFERENCES "public"."survey_instruments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_instruments" ADD CONSTRAINT "survey_instruments_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_instrument_id_survey_instruments_id_fk" FOREIGN KEY ("instrument_id") REFERENCES "public"."survey_instruments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_instrument_version_id_survey_instrument_versions_id_fk" FOREIGN KEY ("instrument_version_id") REFERENCES "public"."survey_instrument_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "survey_indicator_answers_analysis_idx" ON "survey_indicator_answers" USING btree ("organisation_id","instrument_id","indicator_key","wave","invited_on");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_instrument_versions_one_draft" ON "survey_instrument_versions" USING btree ("instrument_id") WHERE status = 'draft';--> statement-breakpoint
CREATE UNIQUE INDEX "surveys_token_hash_unique" ON "surveys" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "surveys_instrument_site_idx" ON "surveys" USING btree ("organisation_id","instrument_id","site_id","invited_on");