/** `/badges/<id>.json`: the same badge as a shields.io endpoint (`https://img.shields.io/endpoint?url=…`). */
import type { APIRoute } from 'astro';
import { shieldsEndpoint } from '../../lib/charts/badge.ts';
import { badgeFor, badgePaths } from '../../data/badges.ts';

export const getStaticPaths = badgePaths;

export const GET: APIRoute = async ({ params }) => {
	const { label, message, status } = await badgeFor(params.id!);
	return new Response(JSON.stringify(shieldsEndpoint(label, message, status)), {
		headers: { 'Content-Type': 'application/json' },
	});
};
