DROP INDEX "registrations_active_email_idx";--> statement-breakpoint
ALTER TABLE "registration_choices" ALTER COLUMN "status" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "registrations" ALTER COLUMN "status" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "offer_hours" integer;--> statement-breakpoint
ALTER TABLE "registrations" ADD COLUMN "offer_expires_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "registrations_offer_expiry_idx" ON "registrations" USING btree ("offer_expires_at") WHERE "registrations"."status" = 'offered';--> statement-breakpoint
CREATE UNIQUE INDEX "registrations_active_email_idx" ON "registrations" USING btree ("event_id",lower("email")) WHERE "registrations"."status" in ('confirmed', 'pending', 'offered', 'waitlisted');--> statement-breakpoint
ALTER TABLE "registration_choices" ADD CONSTRAINT "registration_choices_status_check" CHECK (status in ('confirmed', 'waitlisted', 'pending', 'refused', 'cancelled'));--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_status_check" CHECK (status in ('confirmed', 'waitlisted', 'pending', 'offered', 'refused', 'cancelled', 'expired'));--> statement-breakpoint
DROP TYPE "public"."registration_status";