CREATE TABLE "access_limits" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"review_on" date NOT NULL,
	"set_by" uuid NOT NULL,
	"set_at" timestamp with time zone NOT NULL,
	"lifted_at" timestamp with time zone,
	"lifted_by" uuid,
	"lift_reason" text
);
--> statement-breakpoint
CREATE TABLE "dbs_checks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"member_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"level" text NOT NULL,
	"certificate_on" date NOT NULL,
	"is_on_update_service" boolean DEFAULT false NOT NULL,
	"update_service_checked_on" date,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hours_logs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"member_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"worked_on" date NOT NULL,
	"activity" text NOT NULL,
	"minutes" integer NOT NULL,
	"note" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"return_reason" text,
	"logged_by" uuid NOT NULL,
	"logged_at" timestamp with time zone NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "supervision_sessions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"member_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"supervisor_user_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"notes" text NOT NULL,
	"agreed_actions" text,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_certificates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"member_id" uuid NOT NULL,
	"course_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"issued_on" date NOT NULL,
	"renewal_due_on" date,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_cohorts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"course_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"name" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_courses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"title" text NOT NULL,
	"mode" text NOT NULL,
	"awarding_body" text,
	"level" text,
	"certificate_valid_months" integer,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_enrolments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"cohort_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"status" text DEFAULT 'registered' NOT NULL,
	"drop_out_reason" text,
	"completed_on" date,
	"placement_on" date,
	"employment_on" date,
	"updated_by" uuid,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "training_enrolments_cohort_member" UNIQUE("cohort_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "training_modules" (
	"id" uuid PRIMARY KEY NOT NULL,
	"course_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	CONSTRAINT "training_modules_course_position" UNIQUE("course_id","position")
);
--> statement-breakpoint
CREATE TABLE "wellbeing_plans" (
	"member_id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"early_signs" text,
	"what_helps" text,
	"stepping_back" text,
	"who_to_contact" text,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workforce_members" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"site_ids" uuid[] NOT NULL,
	"user_id" uuid,
	"display_name" text NOT NULL,
	"role" text NOT NULL,
	"status" text NOT NULL,
	"left_on" date,
	"left_reason" text,
	"left_destination" text,
	"gender" text,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"interests" text[] DEFAULT '{}'::text[] NOT NULL,
	"areas_covered" text[] DEFAULT '{}'::text[] NOT NULL,
	"availability" text,
	"lived_experience" text[] DEFAULT '{}'::text[] NOT NULL,
	"max_complexity" text,
	"caseload_cap" integer,
	"avoid_case_kinds" text[] DEFAULT '{}'::text[] NOT NULL,
	"known_associate_case_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"supervisor_user_id" uuid,
	"next_step" text,
	"next_step_target_on" date,
	"lone_working_permitted" boolean DEFAULT false NOT NULL,
	"lone_working_reason" text,
	"lone_working_decided_on" date,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "workforce_members_user_unique" UNIQUE("user_id")
);
--> statement-breakpoint
CREATE TABLE "workforce_pauses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"member_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"started_on" date NOT NULL,
	"ended_on" date,
	"resume_status" text DEFAULT 'active' NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workforce_role_history" (
	"id" uuid PRIMARY KEY NOT NULL,
	"member_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"role" text NOT NULL,
	"started_on" date NOT NULL,
	"ended_on" date,
	"note" text,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workforce_settings" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"shadowing_sessions_to_intern" integer DEFAULT 6 NOT NULL,
	"required_course_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"intern_caseload_cap" integer DEFAULT 3 NOT NULL,
	"intern_max_complexity" text DEFAULT 'moderate' NOT NULL,
	"volunteer_months_max" integer DEFAULT 18 NOT NULL,
	"paid_peer_months_max" integer DEFAULT 18 NOT NULL,
	"alert_at_months" integer DEFAULT 15 NOT NULL,
	"supervision_every_days" integer DEFAULT 14 NOT NULL,
	"dbs_recheck_months" integer DEFAULT 36 NOT NULL,
	"required_dbs_level" text DEFAULT 'enhanced' NOT NULL,
	"expected_weekly_hours" jsonb,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
ALTER TABLE "access_limits" ADD CONSTRAINT "access_limits_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_limits" ADD CONSTRAINT "access_limits_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_limits" ADD CONSTRAINT "access_limits_set_by_users_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_limits" ADD CONSTRAINT "access_limits_lifted_by_users_id_fk" FOREIGN KEY ("lifted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dbs_checks" ADD CONSTRAINT "dbs_checks_member_id_workforce_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."workforce_members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dbs_checks" ADD CONSTRAINT "dbs_checks_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hours_logs" ADD CONSTRAINT "hours_logs_member_id_workforce_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."workforce_members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hours_logs" ADD CONSTRAINT "hours_logs_logged_by_users_id_fk" FOREIGN KEY ("logged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hours_logs" ADD CONSTRAINT "hours_logs_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_sessions" ADD CONSTRAINT "supervision_sessions_member_id_workforce_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."workforce_members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_sessions" ADD CONSTRAINT "supervision_sessions_supervisor_user_id_users_id_fk" FOREIGN KEY ("supervisor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_certificates" ADD CONSTRAINT "training_certificates_member_id_workforce_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."workforce_members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_certificates" ADD CONSTRAINT "training_certificates_course_id_training_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."training_courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_certificates" ADD CONSTRAINT "training_certificates_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_cohorts" ADD CONSTRAINT "training_cohorts_course_id_training_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."training_courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_courses" ADD CONSTRAINT "training_courses_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_enrolments" ADD CONSTRAINT "training_enrolments_cohort_id_training_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."training_cohorts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_enrolments" ADD CONSTRAINT "training_enrolments_member_id_workforce_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."workforce_members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_enrolments" ADD CONSTRAINT "training_enrolments_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_modules" ADD CONSTRAINT "training_modules_course_id_training_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."training_courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wellbeing_plans" ADD CONSTRAINT "wellbeing_plans_member_id_workforce_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."workforce_members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wellbeing_plans" ADD CONSTRAINT "wellbeing_plans_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workforce_members" ADD CONSTRAINT "workforce_members_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workforce_members" ADD CONSTRAINT "workforce_members_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workforce_members" ADD CONSTRAINT "workforce_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workforce_members" ADD CONSTRAINT "workforce_members_supervisor_user_id_users_id_fk" FOREIGN KEY ("supervisor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workforce_pauses" ADD CONSTRAINT "workforce_pauses_member_id_workforce_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."workforce_members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workforce_pauses" ADD CONSTRAINT "workforce_pauses_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workforce_role_history" ADD CONSTRAINT "workforce_role_history_member_id_workforce_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."workforce_members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workforce_role_history" ADD CONSTRAINT "workforce_role_history_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workforce_settings" ADD CONSTRAINT "workforce_settings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workforce_settings" ADD CONSTRAINT "workforce_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "access_limits_one_active" ON "access_limits" USING btree ("user_id","case_id") WHERE lifted_at is null;--> statement-breakpoint
CREATE INDEX "access_limits_case_idx" ON "access_limits" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "access_limits_review_idx" ON "access_limits" USING btree ("organisation_id","review_on");--> statement-breakpoint
CREATE INDEX "dbs_checks_member_idx" ON "dbs_checks" USING btree ("member_id","certificate_on");--> statement-breakpoint
CREATE INDEX "hours_logs_member_idx" ON "hours_logs" USING btree ("member_id","worked_on");--> statement-breakpoint
CREATE INDEX "hours_logs_site_status_idx" ON "hours_logs" USING btree ("site_id","status","worked_on");--> statement-breakpoint
CREATE INDEX "supervision_sessions_member_idx" ON "supervision_sessions" USING btree ("member_id","held_on");--> statement-breakpoint
CREATE INDEX "training_certificates_member_idx" ON "training_certificates" USING btree ("member_id","course_id");--> statement-breakpoint
CREATE INDEX "training_cohorts_site_idx" ON "training_cohorts" USING btree ("organisation_id","site_id","starts_on");--> statement-breakpoint
CREATE INDEX "training_enrolments_member_idx" ON "training_enrolments" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "workforce_members_site_idx" ON "workforce_members" USING btree ("organisation_id","site_id");--> statement-breakpoint
CREATE INDEX "workforce_members_site_ids_idx" ON "workforce_members" USING gin ("site_ids");--> statement-breakpoint
CREATE INDEX "workforce_pauses_member_idx" ON "workforce_pauses" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "workforce_role_history_member_idx" ON "workforce_role_history" USING btree ("member_id","started_on");