import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { summariseWorkflow } from '../../../src/lib/docs/workflowSummary.ts';

describe('summariseWorkflow', () => {
	test('lists triggers, permissions (the workflow’s when a job sets none) and the actions of each job', () => {
		const workflow = parse(`
name: Example
on:
  push:
    branches: [main]
  workflow_dispatch:
permissions:
  contents: read
jobs:
  build:
    name: Build it
    steps:
      - uses: actions/checkout@v7
      - run: npm ci
      - uses: actions/upload-artifact@v7
  publish:
    permissions:
      contents: write
    steps:
      - uses: actions/checkout@v7
`);
		expect(summariseWorkflow(workflow, 'example.yml')).toEqual({
			name: 'Example',
			triggers: ['push', 'workflow_dispatch'],
			permissions: ['contents: read'],
			jobs: [
				{
					id: 'build',
					name: 'Build it',
					permissions: ['contents: read'],
					actions: ['actions/checkout@v7', 'actions/upload-artifact@v7'],
				},
				{ id: 'publish', name: 'publish', permissions: ['contents: write'], actions: ['actions/checkout@v7'] },
			],
		});
	});

	test('reads a one-word trigger and a list of triggers', () => {
		expect(summariseWorkflow({ on: 'push', jobs: {} }, 'a.yml').triggers).toEqual(['push']);
		expect(summariseWorkflow({ on: ['push', 'pull_request'], jobs: {} }, 'b.yml').triggers).toEqual([
			'push',
			'pull_request',
		]);
	});

	test('refuses a file that is not a mapping, naming it', () => {
		expect(() => summariseWorkflow(['not', 'a', 'workflow'], 'list.yml')).toThrow('list.yml: expected a workflow');
	});

	test("summarises this repository's Pages workflow as it is: only the deploy job may write to Pages", () => {
		const pages = summariseWorkflow(parse(readFileSync('.github/workflows/pages.yml', 'utf8')), 'pages.yml');
		const writers = pages.jobs.filter((job) => job.permissions.some((p) => p === 'pages: write'));
		expect(writers.map((job) => job.actions.some((a) => a.startsWith('actions/deploy-pages@')))).toEqual([true]);
	});
});
