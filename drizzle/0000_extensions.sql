-- Custom SQL migration file, put your code below! --
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
-- Dutch full-text search that ignores accents ("café" finds "cafe", "financiële" finds "financiele").
DO $$ BEGIN
	IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'dutch_unaccent') THEN
		CREATE TEXT SEARCH CONFIGURATION dutch_unaccent (COPY = dutch);
		ALTER TEXT SEARCH CONFIGURATION dutch_unaccent ALTER MAPPING FOR hword, hword_part, word WITH unaccent, dutch_stem;
	END IF;
END $$;
--> statement-breakpoint
-- unaccent() is only STABLE; an IMMUTABLE wrapper with a fixed dictionary can be used in indexes and generated columns.
CREATE OR REPLACE FUNCTION immutable_unaccent(text) RETURNS text
	LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
	AS $func$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $func$;
