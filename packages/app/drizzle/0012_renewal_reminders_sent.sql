CREATE TABLE "renewal_reminders_sent" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"item" text NOT NULL,
	"due_on" date NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "renewal_reminders_sent_item" UNIQUE("member_id","kind","item","due_on")
);
--> statement-breakpoint
ALTER TABLE "renewal_reminders_sent" ADD CONSTRAINT "renewal_reminders_sent_member_id_workforce_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."workforce_members"("id") ON DELETE cascade ON UPDATE no action;