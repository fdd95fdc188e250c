ALTER TABLE "events" ADD COLUMN "file_links" jsonb DEFAULT '{"speakerPhotos":[],"reportAttachments":[]}'::jsonb NOT NULL;--> statement-breakpoint
-- Links written before this column existed were kept inside the audience (audience.files): move them here.
UPDATE "events" SET "file_links" = "audience"->'files', "audience" = "audience" - 'files' WHERE "audience" ? 'files';
