CREATE TABLE "case_matching_profiles" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"area" text,
	"language" text,
	"kinds" text[] NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "matching_site_weights" (
	"site_id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"lived_experience" integer NOT NULL,
	"area" integer NOT NULL,
	"language" integer NOT NULL,
	"capacity" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "partner_contacts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"partner_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"name" text NOT NULL,
	"job_title" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partner_organisations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "relationship_holders" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"partner_contact_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"strength" text NOT NULL,
	"last_interaction_on" date,
	"status" text DEFAULT 'active' NOT NULL,
	"ended_on" date,
	"ended_note" text,
	"passed_to_member_id" uuid,
	"recorded_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "safeguarding_concern_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"concern_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"actor_user_id" uuid,
	"step" integer NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "safeguarding_concern_viewers" (
	"concern_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"added_at" timestamp with time zone NOT NULL,
	CONSTRAINT "safeguarding_concern_viewers_pk" PRIMARY KEY("concern_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "safeguarding_concerns" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"contact_id" uuid,
	"raised_by" uuid NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"summary" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"chain" jsonb NOT NULL,
	"step" integer DEFAULT 0 NOT NULL,
	"step_deadline_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"resolution" text
);
--> statement-breakpoint
CREATE TABLE "safeguarding_escalation_steps" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"label" text NOT NULL,
	"role" text,
	"user_id" uuid,
	"deadline_hours" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "safeguarding_steps_position_unique" UNIQUE("organisation_id","position")
);
--> statement-breakpoint
CREATE TABLE "voice_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"is_anonymous" boolean DEFAULT false NOT NULL,
	"submitted_by" uuid NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"outcome" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_matching_profiles" ADD CONSTRAINT "case_matching_profiles_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matching_site_weights" ADD CONSTRAINT "matching_site_weights_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matching_site_weights" ADD CONSTRAINT "matching_site_weights_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matching_site_weights" ADD CONSTRAINT "matching_site_weights_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_contacts" ADD CONSTRAINT "partner_contacts_partner_id_partner_organisations_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partner_organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_organisations" ADD CONSTRAINT "partner_organisations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_organisations" ADD CONSTRAINT "partner_organisations_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationship_holders" ADD CONSTRAINT "relationship_holders_partner_contact_id_partner_contacts_id_fk" FOREIGN KEY ("partner_contact_id") REFERENCES "public"."partner_contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationship_holders" ADD CONSTRAINT "relationship_holders_member_id_workforce_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."workforce_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationship_holders" ADD CONSTRAINT "relationship_holders_passed_to_member_id_workforce_members_id_fk" FOREIGN KEY ("passed_to_member_id") REFERENCES "public"."workforce_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationship_holders" ADD CONSTRAINT "relationship_holders_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safeguarding_concern_events" ADD CONSTRAINT "safeguarding_concern_events_concern_id_safeguarding_concerns_id_fk" FOREIGN KEY ("concern_id") REFERENCES "public"."safeguarding_concerns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safeguarding_concern_events" ADD CONSTRAINT "safeguarding_concern_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safeguarding_concern_viewers" ADD CONSTRAINT "safeguarding_concern_viewers_concern_id_safeguarding_concerns_id_fk" FOREIGN KEY ("concern_id") REFERENCES "public"."safeguarding_concerns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safeguarding_concern_viewers" ADD CONSTRAINT "safeguarding_concern_viewers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safeguarding_concerns" ADD CONSTRAINT "safeguarding_concerns_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safeguarding_concerns" ADD CONSTRAINT "safeguarding_concerns_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safeguarding_concerns" ADD CONSTRAINT "safeguarding_concerns_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safeguarding_concerns" ADD CONSTRAINT "safeguarding_concerns_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safeguarding_concerns" ADD CONSTRAINT "safeguarding_concerns_raised_by_users_id_fk" FOREIGN KEY ("raised_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safeguarding_escalation_steps" ADD CONSTRAINT "safeguarding_escalation_steps_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safeguarding_escalation_steps" ADD CONSTRAINT "safeguarding_escalation_steps_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voice_items" ADD CONSTRAINT "voice_items_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voice_items" ADD CONSTRAINT "voice_items_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voice_items" ADD CONSTRAINT "voice_items_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voice_items" ADD CONSTRAINT "voice_items_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "partner_contacts_partner_idx" ON "partner_contacts" USING btree ("partner_id");--> statement-breakpoint
CREATE INDEX "partner_organisations_site_idx" ON "partner_organisations" USING btree ("organisation_id","site_id");--> statement-breakpoint
CREATE INDEX "relationship_holders_contact_idx" ON "relationship_holders" USING btree ("partner_contact_id","status");--> statement-breakpoint
CREATE INDEX "relationship_holders_member_idx" ON "relationship_holders" USING btree ("member_id","status");--> statement-breakpoint
CREATE INDEX "safeguarding_concern_events_concern_idx" ON "safeguarding_concern_events" USING btree ("concern_id","occurred_at");--> statement-breakpoint
CREATE INDEX "safeguarding_concern_viewers_user_idx" ON "safeguarding_concern_viewers" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "safeguarding_concerns_site_idx" ON "safeguarding_concerns" USING btree ("organisation_id","site_id","status");--> statement-breakpoint
CREATE INDEX "safeguarding_concerns_deadline_idx" ON "safeguarding_concerns" USING btree ("step_deadline_at");--> statement-breakpoint
CREATE INDEX "voice_items_site_idx" ON "voice_items" USING btree ("organisation_id","site_id","status");