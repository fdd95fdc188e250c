CREATE TYPE "public"."contact_purpose" AS ENUM('content', 'practical', 'general');--> statement-breakpoint
CREATE TYPE "public"."event_format" AS ENUM('on_site', 'online', 'hybrid');--> statement-breakpoint
CREATE TYPE "public"."event_status" AS ENUM('draft', 'published', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."organiser_role" AS ENUM('organiser', 'co_organiser');--> statement-breakpoint
CREATE TYPE "public"."programme_item_kind" AS ENUM('item', 'round');--> statement-breakpoint
CREATE TYPE "public"."vat_category" AS ENUM('standard', 'reduced', 'exempt');--> statement-breakpoint
CREATE TYPE "public"."registration_status" AS ENUM('confirmed', 'waitlisted', 'pending', 'refused', 'cancelled');--> statement-breakpoint
CREATE TABLE "api_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organiser_id" uuid NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "organisers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"website" text,
	"theme_class" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisers_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"purpose" "contact_purpose" NOT NULL,
	"name" text NOT NULL,
	"role" text,
	"email" text,
	"phone" text
);
--> statement-breakpoint
CREATE TABLE "event_organisers" (
	"event_id" uuid NOT NULL,
	"organiser_id" uuid NOT NULL,
	"role" "organiser_role" NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "event_organisers_event_id_organiser_id_pk" PRIMARY KEY("event_id","organiser_id")
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"subtitle" text,
	"summary" text NOT NULL,
	"status" "event_status" DEFAULT 'draft' NOT NULL,
	"format" "event_format" NOT NULL,
	"sections" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"audience" jsonb NOT NULL,
	"series" text,
	"registration_mode" text DEFAULT 'form' NOT NULL,
	"registration_opens_at" timestamp with time zone,
	"registration_closes_at" timestamp with time zone,
	"capacity" integer,
	"waitlist_enabled" boolean DEFAULT true NOT NULL,
	"approval_required" boolean DEFAULT false NOT NULL,
	"cancellable_until" timestamp with time zone,
	"organisation_limits" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"questions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"price_cents" integer,
	"vat_category" "vat_category",
	"price_includes" text,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"key" text NOT NULL,
	"position" integer NOT NULL,
	"title" text,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"venue_id" uuid,
	"online" boolean DEFAULT false NOT NULL,
	"join_url" text,
	"topics" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programme_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"key" text NOT NULL,
	"position" integer NOT NULL,
	"kind" "programme_item_kind" NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone,
	"title" text NOT NULL,
	"subtitle" text,
	"description" text,
	"speaker_keys" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"event_id" uuid PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"summary" text,
	"body" text NOT NULL,
	"attendance" integer,
	"attendance_label" text,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "speakers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"key" text NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"role" text,
	"organisation" text,
	"bio" text
);
--> statement-breakpoint
CREATE TABLE "venues" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"key" text NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"street" text,
	"postcode" text,
	"city" text NOT NULL,
	"latitude" text,
	"longitude" text,
	"directions" text
);
--> statement-breakpoint
CREATE TABLE "workshop_rounds" (
	"workshop_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	CONSTRAINT "workshop_rounds_workshop_id_round_id_pk" PRIMARY KEY("workshop_id","round_id")
);
--> statement-breakpoint
CREATE TABLE "workshops" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"key" text NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"contributors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"capacity" integer,
	"contact_name" text,
	"contact_email" text,
	"contact_phone" text
);
--> statement-breakpoint
CREATE TABLE "registration_choices" (
	"registration_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"workshop_id" uuid NOT NULL,
	"status" "registration_status" NOT NULL,
	"position" integer,
	"promoted" boolean DEFAULT false NOT NULL,
	CONSTRAINT "registration_choices_registration_id_round_id_pk" PRIMARY KEY("registration_id","round_id")
);
--> statement-breakpoint
CREATE TABLE "registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"arrival" bigserial NOT NULL,
	"status" "registration_status" NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"organisation_name" text,
	"organisation_key" text,
	"organisation_kind" text,
	"role" text,
	"domain" text,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"consents" jsonb DEFAULT '{"privacy":true,"photos":false,"mailingList":false}'::jsonb NOT NULL,
	"billing" jsonb,
	"language" text DEFAULT 'nl' NOT NULL,
	"token" text NOT NULL,
	"idempotency_key" text,
	"wait_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cancelled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "mail_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dedupe_key" text NOT NULL,
	"event_id" uuid,
	"registration_id" uuid,
	"to_address" text NOT NULL,
	"reply_to" text,
	"language" text NOT NULL,
	"kind" text NOT NULL,
	"subject" text NOT NULL,
	"text_body" text NOT NULL,
	"html_body" text NOT NULL,
	"ics" text,
	"status" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_organiser_id_organisers_id_fk" FOREIGN KEY ("organiser_id") REFERENCES "public"."organisers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_organisers" ADD CONSTRAINT "event_organisers_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_organisers" ADD CONSTRAINT "event_organisers_organiser_id_organisers_id_fk" FOREIGN KEY ("organiser_id") REFERENCES "public"."organisers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_venue_id_venues_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."venues"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_items" ADD CONSTRAINT "programme_items_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "speakers" ADD CONSTRAINT "speakers_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venues" ADD CONSTRAINT "venues_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_rounds" ADD CONSTRAINT "workshop_rounds_workshop_id_workshops_id_fk" FOREIGN KEY ("workshop_id") REFERENCES "public"."workshops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_rounds" ADD CONSTRAINT "workshop_rounds_round_id_programme_items_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."programme_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_rounds" ADD CONSTRAINT "workshop_rounds_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshops" ADD CONSTRAINT "workshops_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_choices" ADD CONSTRAINT "registration_choices_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_choices" ADD CONSTRAINT "registration_choices_round_id_programme_items_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."programme_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_choices" ADD CONSTRAINT "registration_choices_workshop_id_workshops_id_fk" FOREIGN KEY ("workshop_id") REFERENCES "public"."workshops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD CONSTRAINT "mail_outbox_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD CONSTRAINT "mail_outbox_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "api_tokens_hash_idx" ON "api_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "api_tokens_organiser_idx" ON "api_tokens" USING btree ("organiser_id");--> statement-breakpoint
CREATE INDEX "event_organisers_org_idx" ON "event_organisers" USING btree ("organiser_id");--> statement-breakpoint
CREATE UNIQUE INDEX "events_slug_idx" ON "events" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "events_status_starts_idx" ON "events" USING btree ("status","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "meetings_event_key_idx" ON "meetings" USING btree ("event_id","key");--> statement-breakpoint
CREATE INDEX "meetings_event_idx" ON "meetings" USING btree ("event_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "programme_items_event_key_idx" ON "programme_items" USING btree ("event_id","key");--> statement-breakpoint
CREATE INDEX "programme_items_event_idx" ON "programme_items" USING btree ("event_id");--> statement-breakpoint
CREATE UNIQUE INDEX "speakers_event_key_idx" ON "speakers" USING btree ("event_id","key");--> statement-breakpoint
CREATE UNIQUE INDEX "venues_event_key_idx" ON "venues" USING btree ("event_id","key");--> statement-breakpoint
CREATE INDEX "workshop_rounds_round_idx" ON "workshop_rounds" USING btree ("round_id");--> statement-breakpoint
CREATE UNIQUE INDEX "workshops_event_key_idx" ON "workshops" USING btree ("event_id","key");--> statement-breakpoint
CREATE INDEX "registration_choices_workshop_idx" ON "registration_choices" USING btree ("workshop_id","round_id","status");--> statement-breakpoint
CREATE INDEX "registrations_event_status_idx" ON "registrations" USING btree ("event_id","status","arrival");--> statement-breakpoint
CREATE UNIQUE INDEX "registrations_token_idx" ON "registrations" USING btree ("token");--> statement-breakpoint
CREATE UNIQUE INDEX "registrations_idempotency_idx" ON "registrations" USING btree ("event_id","idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "registrations_active_email_idx" ON "registrations" USING btree ("event_id",lower("email")) WHERE "registrations"."status" in ('confirmed', 'pending', 'waitlisted');--> statement-breakpoint
CREATE UNIQUE INDEX "mail_outbox_dedupe_key_idx" ON "mail_outbox" USING btree ("dedupe_key");--> statement-breakpoint
CREATE INDEX "mail_outbox_due_idx" ON "mail_outbox" USING btree ("next_attempt_at") WHERE "mail_outbox"."status" in ('queued', 'sending');--> statement-breakpoint
CREATE INDEX "mail_outbox_registration_idx" ON "mail_outbox" USING btree ("registration_id");--> statement-breakpoint
CREATE INDEX "mail_outbox_event_idx" ON "mail_outbox" USING btree ("event_id","created_at");