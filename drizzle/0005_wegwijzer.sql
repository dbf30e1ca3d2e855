CREATE TABLE "wegwijzer_aanpassingen" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"vraag_id" uuid NOT NULL,
	"region_id" uuid NOT NULL,
	"titel" text NOT NULL,
	"uitleg" text NOT NULL,
	"categorieen" text[] NOT NULL,
	"verborgen" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "wegwijzer_aanpassingen_vraag_region_uq" UNIQUE("vraag_id","region_id")
);
--> statement-breakpoint
CREATE TABLE "wegwijzer_vragen" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"region_id" uuid,
	"thema" text NOT NULL,
	"titel" text NOT NULL,
	"uitleg" text NOT NULL,
	"categorieen" text[] NOT NULL,
	"volgorde" integer DEFAULT 0 NOT NULL,
	"actief" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "wegwijzer_vragen_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
ALTER TABLE "wegwijzer_aanpassingen" ADD CONSTRAINT "wegwijzer_aanpassingen_vraag_id_wegwijzer_vragen_id_fk" FOREIGN KEY ("vraag_id") REFERENCES "public"."wegwijzer_vragen"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wegwijzer_aanpassingen" ADD CONSTRAINT "wegwijzer_aanpassingen_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wegwijzer_vragen" ADD CONSTRAINT "wegwijzer_vragen_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "wegwijzer_aanpassingen_region_idx" ON "wegwijzer_aanpassingen" USING btree ("region_id");--> statement-breakpoint
CREATE INDEX "wegwijzer_vragen_region_idx" ON "wegwijzer_vragen" USING btree ("region_id");