ALTER TABLE "mail_messages" RENAME COLUMN "audience" TO "recipient_group";
