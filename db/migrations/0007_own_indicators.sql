CREATE TABLE `own_indicators` (
	`code` text PRIMARY KEY NOT NULL,
	`table_id` text NOT NULL,
	`column` text NOT NULL,
	`source_column` text NOT NULL,
	`label` text NOT NULL,
	`unit` text NOT NULL,
	`definition` text DEFAULT '' NOT NULL,
	`kind` text NOT NULL,
	`base_column` text,
	`risk_direction` text,
	`in_cocktail` integer DEFAULT false NOT NULL,
	`threshold` real,
	`decimals` integer DEFAULT 0 NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`table_id`) REFERENCES `own_tables`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `own_indicators_table_column_idx` ON `own_indicators` (`table_id`,`column`);--> statement-breakpoint
CREATE TABLE `own_tables` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`organisation` text NOT NULL,
	`created_at` integer NOT NULL
);
