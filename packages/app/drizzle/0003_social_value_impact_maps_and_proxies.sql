CREATE TABLE "financial_proxies" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"unit" text NOT NULL,
	"value_pence" integer NOT NULL,
	"price_year" integer NOT NULL,
	"source_title" text NOT NULL,
	"source_url" text,
	"licence" text NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"is_shippable" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "financial_proxies_never_shippable" CHECK ("financial_proxies"."is_shippable" = false)
);
--> statement-breakpoint
CREATE TABLE "impact_map_costs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"map_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"category" text NOT NULL,
	"description" text NOT NULL,
	"amount_source" text DEFAULT 'manual' NOT NULL,
	"amount_pence" integer,
	"volunteer_hours" double precision,
	"volunteer_rate_pence" integer,
	CONSTRAINT "impact_map_costs_amount_not_negative" CHECK ("impact_map_costs"."amount_pence" is null or "impact_map_costs"."amount_pence" >= 0)
);
--> statement-breakpoint
CREATE TABLE "impact_map_outcomes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"map_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"stakeholder_id" uuid NOT NULL,
	"name" text NOT NULL,
	"is_intended" boolean DEFAULT true NOT NULL,
	"is_harm" boolean DEFAULT false NOT NULL,
	"outputs" text DEFAULT '' NOT NULL,
	"indicator" text DEFAULT '' NOT NULL,
	"quantity_source" text NOT NULL,
	"manual_quantity" double precision,
	"quantity_factor" double precision DEFAULT 1 NOT NULL,
	"quantity_note" text DEFAULT '' NOT NULL,
	"sample_size" integer,
	"proxy_library_key" text,
	"proxy_id" uuid,
	"optimistic_proxy_library_key" text,
	"optimistic_proxy_id" uuid,
	"deadweight" double precision NOT NULL,
	"displacement" double precision DEFAULT 0 NOT NULL,
	"attribution" double precision NOT NULL,
	"drop_off" double precision NOT NULL,
	"duration" integer NOT NULL,
	"start_year" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "impact_map_outcomes_one_proxy" CHECK (("impact_map_outcomes"."proxy_library_key" is null) <> ("impact_map_outcomes"."proxy_id" is null)),
	CONSTRAINT "impact_map_outcomes_one_optimistic_proxy" CHECK ("impact_map_outcomes"."optimistic_proxy_library_key" is null or "impact_map_outcomes"."optimistic_proxy_id" is null)
);
--> statement-breakpoint
CREATE TABLE "impact_map_stakeholders" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"map_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "impact_maps" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"price_year" integer NOT NULL,
	"discount_rate" double precision DEFAULT 0.035 NOT NULL,
	"is_first_year_discounted" boolean DEFAULT true NOT NULL,
	"conservative_proxy_scale" double precision DEFAULT 0.5 NOT NULL,
	"people_served_source" text DEFAULT 'engaged_cases' NOT NULL,
	"people_served_manual" integer,
	"rollout_population_low" integer,
	"rollout_population_high" integer,
	"published_figures" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "impact_maps_period_ordered" CHECK ("impact_maps"."period_from" <= "impact_maps"."period_to"),
	CONSTRAINT "impact_maps_scale_range" CHECK ("impact_maps"."conservative_proxy_scale" > 0 and "impact_maps"."conservative_proxy_scale" <= 1)
);
--> statement-breakpoint
ALTER TABLE "financial_proxies" ADD CONSTRAINT "financial_proxies_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "financial_proxies" ADD CONSTRAINT "financial_proxies_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_map_costs" ADD CONSTRAINT "impact_map_costs_map_id_impact_maps_id_fk" FOREIGN KEY ("map_id") REFERENCES "public"."impact_maps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_map_outcomes" ADD CONSTRAINT "impact_map_outcomes_map_id_impact_maps_id_fk" FOREIGN KEY ("map_id") REFERENCES "public"."impact_maps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_map_outcomes" ADD CONSTRAINT "impact_map_outcomes_stakeholder_id_impact_map_stakeholders_id_fk" FOREIGN KEY ("stakeholder_id") REFERENCES "public"."impact_map_stakeholders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_map_outcomes" ADD CONSTRAINT "impact_map_outcomes_proxy_id_financial_proxies_id_fk" FOREIGN KEY ("proxy_id") REFERENCES "public"."financial_proxies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_map_outcomes" ADD CONSTRAINT "impact_map_outcomes_optimistic_proxy_id_financial_proxies_id_fk" FOREIGN KEY ("optimistic_proxy_id") REFERENCES "public"."financial_proxies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_map_stakeholders" ADD CONSTRAINT "impact_map_stakeholders_map_id_impact_maps_id_fk" FOREIGN KEY ("map_id") REFERENCES "public"."impact_maps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_maps" ADD CONSTRAINT "impact_maps_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_maps" ADD CONSTRAINT "impact_maps_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_maps" ADD CONSTRAINT "impact_maps_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_maps" ADD CONSTRAINT "impact_maps_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "financial_proxies_organisation_idx" ON "financial_proxies" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "impact_map_costs_map_idx" ON "impact_map_costs" USING btree ("map_id");--> statement-breakpoint
CREATE INDEX "impact_map_outcomes_map_idx" ON "impact_map_outcomes" USING btree ("map_id");--> statement-breakpoint
CREATE INDEX "impact_map_stakeholders_map_idx" ON "impact_map_stakeholders" USING btree ("map_id");--> statement-breakpoint
CREATE INDEX "impact_maps_site_idx" ON "impact_maps" USING btree ("organisation_id","site_id");