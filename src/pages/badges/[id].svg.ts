/** `/badges/<id>.svg`: a coverage badge for `overall` or a domain, coloured by the thresholds. */
import type { APIRoute } from 'astro';
import { badgeSvg } from '../../lib/charts/badge.ts';
import { badgeFor, badgePaths } from '../../data/badges.ts';

export const getStaticPaths = badgePaths;

export const GET: APIRoute = async ({ params }) => {
	const { label, message, status } = await badgeFor(params.id!);
	return new Response(badgeSvg(label, message, status), { headers: { 'Content-Type': 'image/svg+xml' } });
};
