/** People to invite: from config in local mode, Entra ID through Graph in Microsoft 365 mode. */
export interface DirectoryPerson {
  id: string;
  name: string;
  email: string;
  aadObjectId: string | null;
  jobTitle?: string | null;
}

export interface Directory {
  search(query: string, limit: number): Promise<DirectoryPerson[]>;
  get(idOrEmail: string): Promise<DirectoryPerson | null>;
}
