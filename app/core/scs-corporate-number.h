/* scs-corporate-number.h: 法人番号 (corporate number) check digit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SCS_VALIDATE_ERROR (scs_validate_error_quark ())

typedef enum
{
  SCS_VALIDATE_ERROR_LENGTH,
  SCS_VALIDATE_ERROR_CHARACTER,
  SCS_VALIDATE_ERROR_CHECK_DIGIT,
} ScsValidateError;

GQuark   scs_validate_error_quark          (void);

/* Accepts 13 ASCII or full-width digits, with optional spaces or hyphens;
 * on success stores the normalised 13 ASCII digits in @normalized. */
gboolean scs_corporate_number_validate     (const char  *text,
                                            char       **normalized,
                                            GError     **error);
int      scs_corporate_number_check_digit  (const char  *twelve_digits);

G_END_DECLS
