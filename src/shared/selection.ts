/**
 * What a question asks below a field, read from the document before the field's value is loaded: a loader can then
 * fetch what the next level will ask for in the same statement (a household with its members). It answers for the
 * document as written: a field under `@skip` or `@include` counts as asked, which only fetches rows not shown.
 */
import { type FragmentDefinitionNode, type GraphQLResolveInfo, Kind, type SelectionSetNode } from "graphql";

/** Whether the field being resolved selects `name` directly (through fragments too, not deeper). */
export function selectsField(info: Pick<GraphQLResolveInfo, "fieldNodes" | "fragments">, name: string): boolean {
  const seen = new Set<FragmentDefinitionNode>();
  const visit = (set: SelectionSetNode | undefined): boolean => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value === name) return true;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (visit(selection.selectionSet)) return true;
      } else {
        const fragment = info.fragments[selection.name.value];
        if (fragment && !seen.has(fragment)) {
          seen.add(fragment);
          if (visit(fragment.selectionSet)) return true;
        }
      }
    }
    return false;
  };
  return info.fieldNodes.some((node) => visit(node.selectionSet));
}
