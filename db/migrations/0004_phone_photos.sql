CREATE TABLE `assets` (
	`id` text PRIMARY KEY NOT NULL,
	`workshop_session_id` text NOT NULL,
	`room_id` text NOT NULL,
	`subject` text NOT NULL,
	`mime_type` text NOT NULL,
	`width` integer NOT NULL,
	`height` integer NOT NULL,
	`bytes` blob NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`workshop_session_id`) REFERENCES `workshop_sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `assets_session_idx` ON `assets` (`workshop_session_id`);--> statement-breakpoint
DROP INDEX `workshop_sessions_room_idx`;--> statement-breakpoint
ALTER TABLE `workshop_sessions` DROP COLUMN `room_id`;--> statement-breakpoint
ALTER TABLE `contributions` ADD `client_key` text;--> statement-breakpoint
CREATE UNIQUE INDEX `contributions_client_key_idx` ON `contributions` (`workshop_session_id`,`subject`,`client_key`);