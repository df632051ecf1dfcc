/** One job of a workflow as a reference page lists it: its name, its permissions and the actions it uses. */
export interface JobSummary {
	id: string;
	name: string;
	/** `scope: level` pairs; the workflow's own when the job sets none. */
	permissions: string[];
	/** `owner/action@version` of every `uses:` step, in order. */
	actions: string[];
}

/** A GitHub Actions workflow read for a reference page: what starts it and what each job may do. */
export interface WorkflowSummary {
	name: string;
	/** The events under `on:`. */
	triggers: string[];
	/** The workflow-level `permissions:`. */
	permissions: string[];
	jobs: JobSummary[];
}

type Yaml = Record<string, unknown>;

const isObject = (value: unknown): value is Yaml =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** `permissions:` as `scope: level` lines (a string such as `read-all` stays as it is). */
function permissionList(value: unknown): string[] {
	if (typeof value === 'string') return [value];
	if (!isObject(value)) return [];
	return Object.entries(value).map(([scope, level]) => `${scope}: ${String(level)}`);
}

/**
 * Summarise a parsed workflow file (the `yaml` package's output), so the CI reference lists the triggers,
 * permissions and action versions the workflows really have.
 */
export function summariseWorkflow(workflow: unknown, file: string): WorkflowSummary {
	if (!isObject(workflow)) throw new Error(`${file}: expected a workflow (a YAML mapping)`);
	const on = workflow.on;
	const triggers =
		typeof on === 'string' ? [on] : Array.isArray(on) ? on.map(String) : isObject(on) ? Object.keys(on) : [];
	const workflowPermissions = permissionList(workflow.permissions);
	const jobs = Object.entries(isObject(workflow.jobs) ? workflow.jobs : {}).map(([id, job]): JobSummary => {
		const body = isObject(job) ? job : {};
		const steps = Array.isArray(body.steps) ? body.steps : [];
		return {
			id,
			name: typeof body.name === 'string' ? body.name : id,
			permissions: body.permissions === undefined ? workflowPermissions : permissionList(body.permissions),
			actions: steps.flatMap((step) => (isObject(step) && typeof step.uses === 'string' ? [step.uses] : [])),
		};
	});
	return {
		name: typeof workflow.name === 'string' ? workflow.name : file,
		triggers,
		permissions: workflowPermissions,
		jobs,
	};
}
