/** The City of Madison's departments, divisions and agencies: the only bodies that may hold a presence (REG-3). */
export interface DepartmentSeed {
  id: string;
  name: string;
  /** A subunit (board, committee, commission) sits under its parentId; see scripts/playground/demo-subunits.ts. */
  kind: 'department' | 'division' | 'agency' | 'subunit';
  parentId?: string;
}

export const DEPARTMENTS: readonly DepartmentSeed[] = [
  { id: 'assessor', name: 'Assessor', kind: 'department' },
  { id: 'attorney', name: 'City Attorney', kind: 'department' },
  { id: 'civil-rights', name: 'Civil Rights', kind: 'department' },
  { id: 'clerk', name: 'City Clerk', kind: 'department' },
  { id: 'common-council', name: 'Common Council Office', kind: 'department' },
  { id: 'engineering', name: 'Engineering', kind: 'department' },
  { id: 'finance', name: 'Finance', kind: 'department' },
  { id: 'fire', name: 'Fire Department', kind: 'department' },
  { id: 'fleet', name: 'Fleet Service', kind: 'department' },
  { id: 'human-resources', name: 'Human Resources', kind: 'department' },
  { id: 'it', name: 'Information Technology', kind: 'department' },
  { id: 'library', name: 'Madison Public Library', kind: 'department' },
  { id: 'mayors-office', name: "Mayor's Office", kind: 'department' },
  { id: 'metro', name: 'Metro Transit', kind: 'department' },
  { id: 'monona-terrace', name: 'Monona Terrace Community and Convention Center', kind: 'agency' },
  { id: 'parks', name: 'Parks Division', kind: 'division' },
  { id: 'pced', name: 'Planning, Community & Economic Development', kind: 'department' },
  { id: 'building-inspection', name: 'Building Inspection', kind: 'division', parentId: 'pced' },
  { id: 'community-development', name: 'Community Development', kind: 'division', parentId: 'pced' },
  { id: 'economic-development', name: 'Economic Development', kind: 'division', parentId: 'pced' },
  { id: 'planning', name: 'Planning', kind: 'division', parentId: 'pced' },
  { id: 'police', name: 'Police Department', kind: 'department' },
  { id: 'public-health', name: 'Public Health Madison & Dane County', kind: 'agency' },
  { id: 'streets', name: 'Streets Division', kind: 'division' },
  { id: 'transportation', name: 'Transportation', kind: 'department' },
  { id: 'parking', name: 'Parking Division', kind: 'division', parentId: 'transportation' },
  { id: 'traffic-engineering', name: 'Traffic Engineering', kind: 'division', parentId: 'transportation' },
  { id: 'water-utility', name: 'Water Utility', kind: 'agency' },
];
